// citeproc-js, the CSL processor Zotero uses, as the reference our engine is compared with.
//
// Reads one JSON request on stdin:
//   {"locales": {"en-US": "/path/locales-en-US.xml", "zh-TW": "/path/locales-zh-TW.xml"},
//    "requests": [{"style": "/path/style.csl", "locale": "en-US", "items": [CSL-JSON items],
//                  "clusters": [[{"id", "locator", "label", "prefix", "suffix",
//                                 "suppress-author", "author-only"}, ...], ...]}, ...]}
// and prints, for each request, {"bibliography": [{"id", "html"}], "citations": ["html"]}.
//
// Every cluster is formatted on its own, as the first citation of its works (a note style
// gives the full first note), after all the request's items are registered: this is what our
// engine's Processor.cite() does for one citation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CSL = require("citeproc");

const { locales, requests } = JSON.parse(readFileSync(0, "utf8"));

// citeproc-js asks for the interface locale, en-US (its fallback) and the style's
// default-locale (zh-CN for GB/T, unused with forceLang): only the ones we give exist.
const retrieveLocale = (lang) => (locales[lang] ? readFileSync(locales[lang], "utf8") : false);

// Parsing a style takes citeproc-js a second or more, so each style and locale gets one
// processor, and each request replaces the processor's items with its own (updateItems
// forgets the others, with their numbering and disambiguation).
const engines = new Map();
let byId = {};
const sys = { retrieveItem: (id) => byId[String(id)], retrieveLocale };

function engineFor(style, locale) {
  const key = `${style}\n${locale}`;
  if (!engines.has(key)) {
    // forceLang: the interface language wins over the style's default-locale (GB/T says
    // zh-CN), as our engine passes the locale to citeproc-py explicitly.
    const engine = new CSL.Engine(sys, readFileSync(style, "utf8"), locale, true);
    engine.setOutputFormat("html");
    engines.set(key, engine);
  }
  return engines.get(key);
}

function format({ style, locale, items, clusters = [] }) {
  byId = Object.fromEntries(items.map((item) => [String(item.id), item]));
  const engine = engineFor(style, locale);
  engine.updateItems(Object.keys(byId));
  const citations = clusters.map((cluster) =>
    engine.makeCitationCluster(cluster.map((cite) => ({ ...cite, id: String(cite.id) }))),
  );
  const made = engine.makeBibliography();
  const bibliography = made
    ? made[0].entry_ids.map((ids, index) => ({ id: ids[0], html: made[1][index] }))
    : [];
  return { bibliography, citations };
}

process.stdout.write(JSON.stringify(requests.map(format)));
