/* Remit search: results as you type, from an index the build writes to
 * search/index.js. No framework, no network beyond the site itself; loads
 * the index as a script so it also works from file://. Ranking: title > tags,
 * ids and glossary synonyms > summary > body; whole words beat prefixes, which
 * beat words one typo away. Every query word must match somewhere. */
(function () {
  "use strict";

  var FIELDS = ["t", "g", "s", "b"];
  var WEIGHTS = [16, 6, 3, 1];
  var EXACT = 1, PREFIX = 0.7, TYPO = 0.45;

  /* The same steps as SearchText.swift (Tests/Search/word-cases.json checks
   * they agree): NFD, drop U+0300-U+036F, lowercase, final sigma as sigma,
   * runs of letters, marks and digits. */
  function words(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u03c2/g, "\u03c3")
      .split(/[^\p{Alphabetic}\p{M}\p{N}]+/u).filter(Boolean);
  }

  /* Optimal string alignment distance, stopping early above 1. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true; /* substitution */
    if (a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)) return true; /* insertion, deletion */
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); /* transposition */
  }

  /* The core index (titles, addresses, vocabulary) and a loader for the
   * shards: load(kind, n) returns a promise of terms-n or summaries-n. */
  var STALE = "stale";

  function Index(core, load) {
    this.version = core.version || "";
    this.pages = core.pages;
    this.words = core.words;
    this.starts = core.starts;
    this.chunk = core.chunk;
    this.load = load;
    this.cache = Object.create(null);
  }

  Index.prototype.part = function (kind, number) {
    var key = kind + number;
    return this.cache[key] || (this.cache[key] = this.load(kind, number));
  };

  Index.prototype.shardOf = function (wordIndex) {
    var low = 0, high = this.starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= wordIndex) low = middle; else high = middle - 1;
    }
    return low;
  };

  /* Vocabulary words a query word matches, with how well. */
  Index.prototype.candidates = function (term) {
    var found = [];
    for (var v = 0; v < this.words.length; v++) {
      var word = this.words[v], factor = 0;
      if (word === term) factor = EXACT;
      else if (term.length >= 2 && word.lastIndexOf(term, 0) === 0) factor = PREFIX;
      else if (term.length >= 4 && withinOneEdit(word, term)) factor = TYPO;
      if (factor) found.push({ index: v, factor: factor });
    }
    return found;
  };

  /* A promise of the pages matching every word of the query, best first,
   * each with its summary and the vocabulary words that matched. */
  Index.prototype.search = function (query, limit) {
    var self = this, terms = words(query);
    if (!terms.length) return Promise.resolve([]);
    var candidates = terms.map(function (term) { return self.candidates(term); });
    var shards = {};
    candidates.forEach(function (list) { list.forEach(function (c) { shards[self.shardOf(c.index)] = true; }); });
    return Promise.all(Object.keys(shards).map(function (n) { return self.part("terms", +n); })).then(function () {
      var total = null, matched = Object.create(null);
      candidates.forEach(function (list) {
        var scores = Object.create(null);
        list.forEach(function (c) {
          var shard = self.shardOf(c.index);
          var postings = self.cache["terms" + shard].value[c.index - self.starts[shard]].split(",");
          matched[self.words[c.index]] = true;
          for (var i = 0; i < postings.length; i++) {
            var code = parseInt(postings[i], 36), page = code >> 2;
            var score = WEIGHTS[code & 3] * c.factor;
            if (!(page in scores) || scores[page] < score) scores[page] = score;
          }
        });
        if (total === null) {
          total = scores;
        } else {
          var next = Object.create(null);
          for (var kept in total) if (kept in scores) next[kept] = total[kept] + scores[kept];
          total = next;
        }
      });
      var top = Object.keys(total).map(Number)
        /* Ties: the shorter title is the closer match. */
        .sort(function (a, b) {
          return total[b] - total[a] || self.pages[a][0].length - self.pages[b][0].length ||
            self.pages[a][0].localeCompare(self.pages[b][0]);
        })
        .slice(0, limit);
      var chunks = {};
      top.forEach(function (page) { chunks[Math.floor(page / self.chunk)] = true; });
      return Promise.all(Object.keys(chunks).map(function (n) { return self.part("summaries", +n); })).then(function () {
        return top.map(function (page) {
          var entry = self.pages[page], chunk = Math.floor(page / self.chunk);
          return { title: entry[0], address: entry[1], kind: entry[2],
            summary: self.cache["summaries" + chunk].value[page % self.chunk], matched: matched };
        });
      });
    });
  };

  /* Text with the matched words wrapped in <mark>, built as DOM nodes (never innerHTML). */
  function highlight(element, text, matched) {
    var parts = text.split(/([\p{Alphabetic}\p{M}\p{N}]+)/u);
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      var key = words(parts[i])[0];
      if (i % 2 === 1 && key && matched[key]) {
        var mark = document.createElement("mark");
        mark.textContent = parts[i];
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(parts[i]));
      }
    }
  }

  /* In node (tests), export the ranking and stop: there is no page. */
  if (typeof document === "undefined") {
    module.exports = { Index: Index, words: words, withinOneEdit: withinOneEdit };
    return;
  }

  var root = document.documentElement.getAttribute("data-remit-root") || "/";
  var offline = document.documentElement.hasAttribute("data-remit-offline");
  var index = null, waiting = [], pending = Object.create(null);

  function loadScript(path) {
    var script = document.createElement("script");
    script.src = root + path;
    document.head.appendChild(script);
    return script;
  }

  /* Each shard script calls back with its number and the build it belongs to;
   * a shard of another build than the core (a cached core after a redeploy)
   * rejects, and the search starts again with a fresh core. The value is kept
   * beside the promise for synchronous reads. */
  function loader(kind, number) {
    var entry = {}, expected = index.version;
    entry.promise = new Promise(function (resolve, reject) {
      pending[kind + number] = function (version, value) {
        if (version !== expected) return reject(STALE);
        entry.value = value;
        resolve(value);
      };
    });
    loadScript("search/" + kind + "-" + number + ".js?v=" + expected).onerror = function () {
      pending[kind + number](null);
    };
    entry.then = function (a, b) { return entry.promise.then(a, b); };
    return entry;
  }
  window.REMIT_SEARCH_TERMS = function (n, version, value) { if (pending["terms" + n]) pending["terms" + n](version, value); };
  window.REMIT_SEARCH_SUMMARIES = function (n, version, value) { if (pending["summaries" + n]) pending["summaries" + n](version, value); };

  function withIndex(callback, fresh) {
    if (index && !fresh) return callback(index);
    waiting.push(callback);
    if (waiting.length > 1 && !fresh) return;
    index = null;
    var script = loadScript("search/index.js" + (fresh ? "?t=" + Date.now() : ""));
    script.onload = function () {
      index = new Index(window.REMIT_SEARCH_INDEX || { pages: [], words: [], starts: [0], chunk: 1 }, loader);
      waiting.splice(0).forEach(function (waiter) { waiter(index); });
    };
  }

  function href(address) {
    if (!offline) return root + address;
    var hash = address.indexOf("#"), path = hash < 0 ? address : address.slice(0, hash);
    return root + path + (path === "" || path.slice(-1) === "/" ? "index.html" : "") + (hash < 0 ? "" : address.slice(hash));
  }

  function attach(input) {
    var box = input.closest("[data-search]");
    var list = box.querySelector("[data-search-results]");
    var status = box.querySelector("[data-search-status]");
    var limit = +(box.getAttribute("data-search-limit") || 8);

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function show(query, retried) {
      withIndex(function (found) {
        found.search(query, limit).then(function (results) { render(query, results); }, function (error) {
          if (error === STALE && !retried) {
            withIndex(function () { show(query, true); }, true);
          } else {
            status.textContent = "Search is unavailable right now; the A–Z lists every page.";
          }
        });
      });
    }

    function render(query, results) {
        if (input.value !== query) return;
        list.textContent = "";
        results.forEach(function (result) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = href(result.address);
          link.className = "search-result";
          var title = document.createElement("span");
          title.className = "search-result__title";
          highlight(title, result.title, result.matched);
          var kind = document.createElement("span");
          kind.className = "search-result__kind";
          kind.textContent = result.kind;
          var summary = document.createElement("span");
          summary.className = "search-result__summary";
          highlight(summary, result.summary, result.matched);
          link.appendChild(title);
          link.appendChild(kind);
          link.appendChild(summary);
          item.appendChild(link);
          list.appendChild(item);
        });
        var empty = query.trim() === "";
        list.hidden = empty || !results.length;
        status.textContent = empty ? "" : results.length ? results.length + (results.length === 1 ? " result" : " results") : "No results for \u201c" + query + "\u201d";
    }

    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        list.hidden = false;
        links()[0].focus();
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
    list.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (event.key === "Escape") { event.preventDefault(); list.hidden = true; input.focus(); }
    });
    box.addEventListener("submit", function (event) {
      if (box.hasAttribute("data-search-page")) event.preventDefault();
      if (box.hasAttribute("data-search-page")) show(input.value);
    });

    if (box.hasAttribute("data-search-page")) {
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        input.value = query;
        show(query);
      }
    }
  }

  var inputs = document.querySelectorAll("[data-search] input[type=search]");
  for (var i = 0; i < inputs.length; i++) attach(inputs[i]);
})();
