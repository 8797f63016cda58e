// Citation.js as an independent reader of our BibTeX and RIS exports.
//
// Reads {"format": "bibtex" | "ris", "text": "<the exported file>"} on stdin and prints the
// records it finds as a CSL-JSON array, so the tests can check what another program makes of
// the files.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const { format, text } = JSON.parse(readFileSync(0, "utf8"));
// Our BibTeX uses biblatex types and fields (@online, urldate) where BibTeX has none.
const forced = { bibtex: "@biblatex/text", ris: "@ris/file" }[format];
if (!forced) throw new Error(`unknown format ${format}`);
const items = new Cite(text, { forceType: forced }).data.map(({ _graph, ...item }) => item);
process.stdout.write(JSON.stringify(items));
