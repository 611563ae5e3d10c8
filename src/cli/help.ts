import { DEFAULT_VIVIDNESS } from '../core/session';

/** Help texts, printed on --help / -h and (top level) when no command is given. */

const MODEL_FLAGS = `  --size <n>          working resolution of the network, a multiple of 16 in [32, 1024]
                      (default: the model's workingSize, 256)
  --backend <name>    wasm | cpu (default wasm)
  --model <path>      model.json of a Tintype model (default public/models/tintype/model.json)
  --method <name>     full-resolution composition: guided | bilinear (default guided)
  --vividness <0..1>  how vivid the automatic colours are, 0 natural to 1 vivid; replaces the
                      session's value (default: the session's, or ${DEFAULT_VIVIDNESS} without one). Hinted
                      pixels keep their colour
  -h, --help          show this help`;

export const TOP_HELP = `tintype — colorize black-and-white photographs from the command line

Usage:
  tintype colorize <image> [options]     colorize one photograph
  tintype batch <manifest.jsonl> [opts]  colorize many photographs, loading the model once

Run 'tintype <command> --help' for the options of a command.
Exit status: 0 ok, 1 a file could not be read/colorized, 2 usage error.`;

export const COLORIZE_HELP = `Usage: tintype colorize <image> [--session s.json] [--out out.png] [options]

Colorizes one photograph (PNG, JPEG or WebP; colour input is reduced to its lightness; EXIF
orientation is applied). Without --session the automatic colorization (no hints) runs.
Writes an 8-bit sRGB PNG at the photograph's resolution; an alpha channel is kept.

Options:
  --session <file>    Tintype session (.json) with colour points, scribbles and palette
  --out <file>        output PNG (default: <name>-colorized.png next to the input)
${MODEL_FLAGS}`;

export const BATCH_HELP = `Usage: tintype batch <manifest.jsonl> [options]

Colorizes every photograph listed in the manifest, one JSON object per line:
  { "image": "a.jpg", "session": "a.json", "out": "out/a.png", "vividness": 0.7 }
"session" and "vividness" are optional (a line's "vividness" wins over --vividness); "out"
defaults to <name>-colorized.png next to the image. Relative paths resolve against the
manifest's directory. Blank lines are skipped. A bad line is reported (file, line, reason) and
skipped; the rest still run.
Exit status: 0 all written, 1 some failed, 2 usage error (bad flags, missing manifest).

Options:
${MODEL_FLAGS}`;
