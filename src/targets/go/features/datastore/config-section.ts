import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../../edit/index.js';
import { readConfigModel } from '../../inspect/config-model.js';
import { orderedPlace } from '../../../../file-edits/ordered-place.js';
import { SECTION_ORDER } from '../feature-order.js';
import { CONFIG_FILE } from './context.js';
import { editGoFile } from './edits.js';

/**
 * Where a listed section goes among those present (`present`, in the order written), by
 * SECTION_ORDER; null (last) for a section not listed (an outbound port's, the user's).
 */
export function sectionPlace(section: string, present: readonly string[]): { before: string } | { after: string } | null {
  return orderedPlace(SECTION_ORDER.indexOf(section), present, (name) => SECTION_ORDER.indexOf(name));
}

/**
 * `Postgres Postgres` (or `Redis Redis`, `PaymentGateway PaymentGateway`) in `type Config struct`, and the call of the section's own
 * validate in `Config.validate`, written with the method's receiver and the `[]error` it collects
 * into. Each part is skipped when it is there already (the field by name and type, the call by its
 * callee, however the user wrote the rest).
 */
export async function addConfigSection(tree: Tree, section: string): Promise<void> {
  const text = tree.read(CONFIG_FILE);
  const plain: GoEdit = { kind: 'struct-field', struct: 'Config', field: `${section} ${section}` };
  const check = (receiver: string, errors: string, near?: { callee: string; side: 'before' | 'after' }): GoEdit => ({
    kind: 'statement',
    func: 'Config.validate',
    statement: validateCall(section, receiver, errors),
    position: 'before-return',
    paragraph: true,
    ...(near === undefined ? {} : { near }),
  });
  if (text === undefined) return editGoFile(tree, CONFIG_FILE, [plain, check('c', 'errs')]);
  const model = readConfigModel(await loadGoParser(), CONFIG_FILE, text);
  const names = [...(model.fields?.keys() ?? [])];
  const fieldPlace = sectionPlace(section, names);
  const next = fieldPlace === null ? undefined : 'before' in fieldPlace ? fieldPlace.before : names[names.indexOf(fieldPlace.after) + 1];
  const field: GoEdit = next === undefined ? plain : { ...plain, before: next };
  const callPlace = sectionPlace(section, model.validate?.sections ?? []);
  const near = (receiver: string) =>
    callPlace === null ? undefined : 'before' in callPlace ? { callee: `${receiver}.${callPlace.before}.validate`, side: 'before' as const } : { callee: `${receiver}.${callPlace.after}.validate`, side: 'after' as const };
  const edits: GoEdit[] = [];
  const type = model.fields?.get(section);
  if (model.fields === null || type === undefined) edits.push(field);
  else if (type !== section) {
    throw new AnchorNotFoundError(CONFIG_FILE, {
      problem: 'wrong-kind',
      reason: `Config already has a field ${section} of type ${type}, where the ${section.toLowerCase()} configuration goes`,
      where: `inside \`type Config struct { … }\`, after renaming your field ${section}`,
      manualSnippet: `${section} ${section}`,
    });
  }
  const validate = model.validate;
  if (validate === null) edits.push(check('c', 'errs'));
  else if (!validate.sections.includes(section)) {
    if (validate.receiver === null || validate.errors === null) {
      throw new AnchorNotFoundError(CONFIG_FILE, {
        problem: 'missing',
        reason:
          validate.receiver === null
            ? 'the method validate of Config has no named receiver to read the configuration through'
            : 'the method validate of Config declares no single []error to collect the problems into',
        where: 'before the final return of method validate of Config, with its receiver and the errors it returns',
        manualSnippet: validateCall(section, validate.receiver ?? 'c', validate.errors ?? 'errs'),
      });
    }
    edits.push(check(validate.receiver, validate.errors, near(validate.receiver)));
  }
  if (edits.length > 0) await editGoFile(tree, CONFIG_FILE, edits);
}

function validateCall(section: string, receiver: string, errors: string): string {
  const err = [receiver, errors].includes('err') ? 'sectionErr' : 'err';
  return `if ${err} := ${receiver}.${section}.validate(); ${err} != nil {\n\t${errors} = append(${errors}, ${err})\n}`;
}
