; Declarations inside function bodies, also under preprocessor conditionals there;
; src/extract/static-local.ts keeps writable `static` ones inside a function.
(compound_statement (declaration) @static_local)
(preproc_if (declaration) @static_local)
(preproc_ifdef (declaration) @static_local)
(preproc_else (declaration) @static_local)
(preproc_elif (declaration) @static_local)
