; Declarations inside function bodies; src/extract/static-local.ts keeps writable `static` ones.
(compound_statement (declaration) @static_local)
