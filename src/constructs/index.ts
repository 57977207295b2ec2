/**
 * The registry: every MicroPython construct natmodgen converts, in the order their
 * declarations are extracted (ties at one source position keep this order). The
 * pipeline iterates it; nothing else lists constructs.
 */
import { Result } from '../diagnostics/diagnostic';
import { ExtractContext, PreprocessEnv } from '../extract/context';
import { extractWith } from '../extract';
import { Define } from '../model/define';
import { Decl, FileModel } from '../model/declarations';
import { ParsedFile } from '../parse/parser';
import { Planners } from '../plan';
import { argTable } from './arg-table';
import { constDict } from './const-dict';
import { constDictWithSize } from './const-dict-with-size';
import { Construct } from './construct';
import { delegation } from './delegation';
import { dynruntimeGuard } from './dynruntime-guard';
import { exception } from './exception';
import { funObj } from './fun-obj';
import { include } from './include';
import { moduleObj } from './module-obj';
import { objType } from './obj-type';
import { qstrSwitch } from './qstr-switch';
import { macroArg } from './macro-arg';
import { fnAddress } from './fn-address';
import { registration } from './registration';
import { romTable } from './rom-table';
import { rootPointer } from './root-pointer';
import { runtimeData } from './runtime-data';
import { runtimeObj } from './runtime-obj';
import { staticLocal } from './static-local';
import { typeForward } from './type-forward';
import { unavailable } from './unavailable';
import { visibilityPragma } from './visibility-pragma';
import { writableData } from './writable-data';

export const CONSTRUCTS: ReadonlyArray<Construct<Decl['kind']>> = [
  funObj,
  romTable,
  constDict,
  constDictWithSize,
  objType,
  typeForward,
  moduleObj,
  registration,
  delegation,
  argTable,
  include,
  unavailable,
  qstrSwitch,
  dynruntimeGuard,
  visibilityPragma,
  writableData,
  runtimeObj,
  runtimeData,
  rootPointer,
  exception,
  staticLocal,
  macroArg,
  fnAddress,
] as ReadonlyArray<Construct<Decl['kind']>>;

const extractors: Array<(ctx: ExtractContext) => Decl[]> = CONSTRUCTS.map((c) => c.extract);

/** The plan function of each declaration kind (one construct plans each kind). */
export const PLANNERS: Planners = Object.fromEntries(CONSTRUCTS.flatMap((c) => (c.plan ? [[c.kind, c.plan]] : []))) as Planners;

/** Tree → declarations of every registered construct, for one file. */
export function extractFile(file: ParsedFile, unit: number, defines: Define[] = [], env: PreprocessEnv = {}): Result<FileModel> {
  return extractWith(extractors, file, unit, defines, env);
}
