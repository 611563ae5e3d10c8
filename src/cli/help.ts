import { DEFAULT_VIVIDNESS } from '../core/session';
import { DEFAULT_MAX_PIXELS, FORMATS_IN_WORDS } from './imageIO';

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

Run 'tintype <command> --help' for the options of a command. Archives (sharding, resuming,
reports): docs/archive.md.
Exit status: 0 ok, 1 a file could not be read/colorized, 2 usage error, 130/143 stopped by
SIGINT/SIGTERM.`;

const OUTPUT_FLAGS = `  --overwrite         replace an existing output (never an input photo or session); without
                      it an existing output is refused
  --max-pixels <n>    refuse photos larger than n pixels (e.g. 50000000 or 50M), read from
                      the header before decoding (default ${DEFAULT_MAX_PIXELS}, 8192²)`;

export const COLORIZE_HELP = `Usage: tintype colorize <image> [--session s.json] [--reference photo.jpg] [--out out.png]

Colorizes one photograph: ${FORMATS_IN_WORDS} (a TIFF's first page, a GIF's first
frame; never SVG or PDF). Colour input is reduced to its lightness; EXIF orientation is applied.
Without --session the automatic colorization (no hints) runs. <image> may also be a project
file (.tintype, saved by the editor): its photo with its session. Writes an 8-bit sRGB PNG at the
photograph's resolution, keeping alpha: to a temporary file first, renamed into place when
complete, so an interrupted or failed write never leaves a partial file or destroys one.

Options:
  --session <file>    Tintype session (.json) with colour points, scribbles and palette
  --reference <file>  a colour photo of the same scene (another shot or print of the same
                      view): regions that line up with the photo become colour points (before
                      the session's own hints, which win where they overlap; they replace the
                      session's earlier reference points) and, if the session has none, a
                      palette. A photo of another scene lends nothing (a note says so).
                      Black-and-white, tiny (< 32 px), huge (>= 50 MP) or unreadable
                      references are refused
  --out <file>        output PNG (default: <name>-colorized.png next to the input)
${OUTPUT_FLAGS}
${MODEL_FLAGS}`;

export const BATCH_HELP = `Usage: tintype batch <manifest.jsonl> [options]

Colorizes every photograph listed in the manifest, one JSON object per line:
  { "image": "a.jpg", "session": "a.json", "out": "out/a.png", "vividness": 0.7,
    "reference": "colour.jpg" }
"session", "vividness" and "reference" (as colorize --reference) are optional (a line's "vividness" wins over --vividness); "out"
defaults to <name>-colorized.png next to the image. Relative paths resolve against the
manifest's directory. Blank lines and lines starting with # are skipped. A bad line is
reported (file, line, reason) and skipped; the rest still run. A manifest in which two lines
write one output, or a line writes another's input, is refused before any work.
Exit status: 0 all written or skipped, 1 some failed, 2 usage error (bad flags, bad manifest),
130/143 stopped by SIGINT/SIGTERM (temporaries removed, summary printed).

Options:
  --shard <I>/<N>     process only entries I, I+N, I+2N, … (0-based): run N processes with
                      I = 0 … N−1, e.g. --shard $JOB_COMPLETION_INDEX/8 (docs/archive.md)
  --resume            skip entries whose output is already a complete PNG; rerun after a stop
  --report <file>     append one JSON line per entry: line, image, out, status (written,
                      skipped, failed, interrupted), seconds, error
${OUTPUT_FLAGS}
${MODEL_FLAGS}`;
