// cityrel's SPARQL editor: YASGUI on this endpoint, with the named queries as examples.
// The examples come from the page (the JSON in #cityrel-editor), the endpoint is the page's own URL:
// the editor is served by GET /sparql itself. Tabs are kept in the browser's local storage.
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("cityrel-editor").textContent);
  var endpoint = window.location.origin + window.location.pathname;
  var examples = config.examples;

  // Only the autocompleters that ask nobody (YASQE's property and class completers ask Linked Open
  // Vocabularies). Set on the defaults: a tab's config merges arrays by index, so it cannot drop any.
  var local = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (name) {
    return local.indexOf(name) >= 0;
  });

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "cityrel-sparql-editor",
    yasqe: { value: examples.length ? examples[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10" },
  });

  function open(example) {
    yasgui.addTab(true, { name: example.name, yasqe: { value: example.query },
                          requestConfig: { endpoint: endpoint } }, { avoidDuplicateTabs: true });
  }

  var select = document.getElementById("cityrel-examples");
  select.addEventListener("change", function () {
    if (select.value !== "") {
      open(examples[Number(select.value)]);
      select.value = "";
    }
  });

  window.cityrelEditor = { yasgui: yasgui, examples: examples, open: open };
})();
