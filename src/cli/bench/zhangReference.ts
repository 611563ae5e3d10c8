import * as tfl from '@tensorflow/tfjs-layers';

/**
 * The reference the benchmark measures our model against: the local-hints network of Zhang et
 * al., "Real-Time User-Guided Image Colorization with Learned Deep Priors" (SIGGRAPH 2017),
 * with the paper's layer sizes and random weights (only its speed matters here).
 *
 * conv1 64 → conv2 128 → conv3 256 → conv4 512 (each block 2–3 3×3 convs + ReLU + BatchNorm,
 * followed by a stride-2 subsample) → conv5, conv6 512 dilated 2 → conv7 512 → conv8 256
 * (4×4 transposed conv up, + shortcut from conv3) → conv9 128 (up, + shortcut from conv2) →
 * conv10 128 (up, + shortcut from conv1, LeakyReLU 0.2) → 1×1 conv to ab, tanh; plus the
 * 1×1 classification head over 529 ab bins on conv8. Input: L, ab hints, mask (4 channels).
 */
export function buildZhangReference(size: number): tfl.LayersModel {
  const input = tfl.input({ shape: [size, size, 4], name: 'local' });
  const conv = (x: tfl.SymbolicTensor, filters: number, name: string, dilationRate = 1) =>
    tfl.layers
      .conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', dilationRate, name })
      .apply(x) as tfl.SymbolicTensor;
  const block = (x: tfl.SymbolicTensor, filters: number, convs: number, name: string, dil = 1) => {
    let y = x;
    for (let i = 1; i <= convs; i++) y = conv(y, filters, `${name}_${i}`, dil);
    return tfl.layers.batchNormalization({ name: `${name}_norm` }).apply(y) as tfl.SymbolicTensor;
  };
  // The paper subsamples (x[:, ::2, ::2]) rather than pooling: a 1×1 max pool with stride 2 is
  // exactly that, with no weights.
  const subsample = (x: tfl.SymbolicTensor, name: string) =>
    tfl.layers.maxPooling2d({ poolSize: 1, strides: 2, name }).apply(x) as tfl.SymbolicTensor;
  const up = (x: tfl.SymbolicTensor, filters: number, name: string) =>
    tfl.layers
      .conv2dTranspose({ filters, kernelSize: 4, strides: 2, padding: 'same', name })
      .apply(x) as tfl.SymbolicTensor;
  const shortcut = (x: tfl.SymbolicTensor, filters: number, name: string) =>
    tfl.layers
      .conv2d({ filters, kernelSize: 3, padding: 'same', name })
      .apply(x) as tfl.SymbolicTensor;
  const addRelu = (a: tfl.SymbolicTensor, b: tfl.SymbolicTensor, name: string) =>
    tfl.layers
      .reLU({ name })
      .apply(tfl.layers.add().apply([a, b]) as tfl.SymbolicTensor) as tfl.SymbolicTensor;

  const c1 = block(input, 64, 2, 'conv1');
  const c2 = block(subsample(c1, 'conv1_ss'), 128, 2, 'conv2');
  const c3 = block(subsample(c2, 'conv2_ss'), 256, 3, 'conv3');
  const c4 = block(subsample(c3, 'conv3_ss'), 512, 3, 'conv4');
  const c5 = block(c4, 512, 3, 'conv5', 2);
  const c6 = block(c5, 512, 3, 'conv6', 2);
  const c7 = block(c6, 512, 3, 'conv7');

  const c8in = addRelu(up(c7, 256, 'conv8_up'), shortcut(c3, 256, 'conv3_short8'), 'conv8_relu');
  const c8 = block(c8in, 256, 2, 'conv8');
  const logits = tfl.layers
    .conv2d({ filters: 529, kernelSize: 1, name: 'class_ab' })
    .apply(c8) as tfl.SymbolicTensor;

  const c9in = addRelu(up(c8, 128, 'conv9_up'), shortcut(c2, 128, 'conv2_short9'), 'conv9_relu');
  const c9 = block(c9in, 128, 1, 'conv9');

  const c10in = addRelu(
    up(c9, 128, 'conv10_up'),
    shortcut(c1, 128, 'conv1_short10'),
    'conv10_relu',
  );
  const c10conv = tfl.layers
    .conv2d({ filters: 128, kernelSize: 3, padding: 'same', name: 'conv10_2' })
    .apply(c10in) as tfl.SymbolicTensor;
  const c10 = tfl.layers.leakyReLU({ alpha: 0.2 }).apply(c10conv) as tfl.SymbolicTensor;
  const ab = tfl.layers
    .conv2d({ filters: 2, kernelSize: 1, activation: 'tanh', name: 'ab' })
    .apply(c10) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: [ab, logits], name: 'zhang2017_local' });
}

/**
 * Multiply-adds × 2 of every convolution, from the layers' output shapes: the usual FLOP count
 * (BatchNorm, activations and additions are < 1 % and left out).
 */
export function convFlops(model: tfl.LayersModel): number {
  let flops = 0;
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    if (cls !== 'Conv2D' && cls !== 'Conv2DTranspose' && cls !== 'DepthwiseConv2D') continue;
    const kernel = layer.getWeights()[0].shape; // [kh, kw, in, out] (transpose: [kh, kw, out, in])
    const [kh, kw, a, b] = kernel;
    const outShape = layer.outputShape as number[];
    const inShape = (layer.input as tfl.SymbolicTensor).shape as number[];
    if (cls === 'Conv2DTranspose') {
      // Every input pixel scatters a kh×kw×out patch.
      flops += 2 * inShape[1] * inShape[2] * kh * kw * a * b;
    } else if (cls === 'DepthwiseConv2D') {
      flops += 2 * outShape[1] * outShape[2] * kh * kw * a * b;
    } else {
      flops += 2 * outShape[1] * outShape[2] * kh * kw * a * b;
    }
  }
  return flops;
}
