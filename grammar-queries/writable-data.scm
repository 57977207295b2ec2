; Declarations at file scope, including those inside preprocessor conditionals.
; src/extract/writable-data.ts keeps the writable ones that are `static` or initialised:
; mpy_ld rejects both (static BSS on x64/ARM, any non-empty .data).
(translation_unit (declaration) @data)
(preproc_if (declaration) @data)
(preproc_ifdef (declaration) @data)
(preproc_else (declaration) @data)
(preproc_elif (declaration) @data)
; Where tree-sitter lost the file's structure (#if branches that split statements, ulab), file-scope
; declarations sit in an ERROR node; the extractor keeps those at brace depth 0 only.
(ERROR (declaration) @data)
