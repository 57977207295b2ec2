import { Diagnostic } from '../diagnostics/diagnostic';

/** A problem that stops the reading of a build description; carries the diagnostic to report. */
export class ReadStop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
