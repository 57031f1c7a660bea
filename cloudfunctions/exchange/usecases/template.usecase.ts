/** template: the columns of an import kind (the staff page shows them and offers the CSV template). */
import type { InputOf } from '../../../shared/actions/define'
import type { exchangeActions } from '../../../shared/actions/exchange'
import { csvLine } from '../../../shared/exchange/csv'
import { IMPORT_KIND_LABELS, NATURAL_KEY_TEXT, TEMPLATES } from '../../../shared/exchange/templates'

export async function template(input: InputOf<typeof exchangeActions, 'template'>) {
  // The ID and mobile examples are masked at their source (shared/exchange/templates.ts), like every number this
  // system shows: an example that looks like a real person's number cannot be told from a leak, and the template's
  // example row must never import.
  const columns = TEMPLATES[input.kind]
  return {
    kind: input.kind,
    title: IMPORT_KIND_LABELS[input.kind],
    naturalKey: NATURAL_KEY_TEXT[input.kind],
    columns: columns.map((c) => ({ header: c.header, required: c.required, example: c.example, note: c.note ?? '' })),
    /** The template as CSV text (UTF-8): the header row and one example row. */
    csv: '\uFEFF' + csvLine(columns.map((c) => c.header)) + '\r\n' + csvLine(columns.map((c) => c.example)) + '\r\n',
  }
}
