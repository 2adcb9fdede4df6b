// vis-network is loaded once per page from KG_VIS_URL (a static file the browser caches), not sent
// with every rerun; Streamlit serves static files as text, so the code is run from a script element.
// Every component that draws with vis-network (the explorer's, the map builder's) shares this load.
function kgLoadVis() {
  if (window.vis) { return Promise.resolve(); }
  if (!window.kgVisLoading) {
    window.kgVisLoading = fetch(KG_VIS_URL).then((response) => {
      if (!response.ok) { throw new Error(`vis-network could not be loaded: ${response.status}`); }
      return response.text();
    }).then((code) => {
      const script = document.createElement("script");
      script.textContent = code;
      document.head.appendChild(script);
    });
  }
  return window.kgVisLoading;
}
