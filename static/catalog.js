// The catalog page's script (the site root, opened on its own): static/catalog_view.js does the work.

import { showCatalog } from "./catalog_view.js";

showCatalog();
