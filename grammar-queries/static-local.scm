; Declarations inside function bodies, also under preprocessor conditionals there;
; src/constructs/static-local.ts keeps writable `static` ones inside a function, and `static const`
; ones whose initial value is a run-time value in a natmod (qstrs, firmware objects).
(compound_statement (declaration) @static_local)
(preproc_if (declaration) @static_local)
(preproc_ifdef (declaration) @static_local)
(preproc_else (declaration) @static_local)
(preproc_elif (declaration) @static_local)
