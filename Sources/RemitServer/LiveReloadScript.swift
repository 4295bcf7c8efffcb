/// Served at `<base>__remit/live.js` and added to every HTML page the preview
/// server sends (never to the built site): reloads the tab after a good
/// build, and shows a failed build's diagnostics over the page.
enum LiveReloadScript {
    static let path = "__remit/live.js"
    static let eventsPath = "__remit/events"

    static func tag(basePath: String, build: Int) -> String {
        "<script src=\"\(basePath)\(path)\" data-remit-build=\"\(build)\" defer></script>"
    }

    static func source(basePath: String) -> String {
        """
        (function () {
          "use strict";
          var overlay = null;
          function showErrors(text) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "remit-build-errors";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,23,27,0.96);color:#fff;padding:2rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "remit: the build failed; the last good site is still served.\\n\\n" + text;
          }
          // The build this page was served from; another one on (re)connecting means reload.
          var served = document.currentScript && document.currentScript.getAttribute("data-remit-build"), source = null;
          function connect() {
            source = new EventSource("\(basePath)\(eventsPath)");
            source.addEventListener("hello", function (event) {
              if (served !== null && event.data !== served) window.location.reload();
            });
            source.addEventListener("reload", function () { window.location.reload(); });
            source.addEventListener("failed", function (event) { showErrors(event.data); });
          }
          // Hidden tabs give their connection back: browsers allow about six per host.
          document.addEventListener("visibilitychange", function () {
            if (document.hidden && source) { source.close(); source = null; }
            else if (!document.hidden && !source) connect();
          });
          connect();
        })();

        """
    }
}
