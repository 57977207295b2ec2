; Initialised declarations at file scope, including those inside preprocessor conditionals.
; src/constructs/runtime-data.ts keeps the constant ones whose initial value is a run-time
; value in a natmod (qstrs, firmware objects and types).
(translation_unit (declaration declarator: (init_declarator)) @data)
(preproc_if (declaration declarator: (init_declarator)) @data)
(preproc_ifdef (declaration declarator: (init_declarator)) @data)
(preproc_else (declaration declarator: (init_declarator)) @data)
(preproc_elif (declaration declarator: (init_declarator)) @data)
; A K&R parameter declaration cannot be initialised: one under a function_definition is tree-sitter's
; reading of file-scope declarations after a macro it took for a function (`STATIC MP_DEFINE_...(...);`).
(function_definition (declaration declarator: (init_declarator)) @data)
