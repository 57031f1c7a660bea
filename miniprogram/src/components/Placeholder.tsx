import { PageShell } from './PageShell'
import { PageState } from './PageState'

/** The placeholder page of a subpackage until its module lands its own pages. */
export function Placeholder({ text }: { text: string }) {
  return (
    <PageShell>
      <PageState status='ready' empty emptyText={text} />
    </PageShell>
  )
}
