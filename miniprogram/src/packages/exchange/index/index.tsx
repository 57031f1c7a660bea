/**
 * 数据导入 (数据汇聚): pick what to import, see and download the template, choose a CSV/XLSX file, 试运行 (dry
 * run) or 正式导入, follow the progress, read the report (counts, the first 100 errors with row, column and
 * reason) and download the rejected rows to fix and import again.
 */
import { createElement, useEffect } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@shared/exchange/templates'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { Tag } from '@/components/Tag'
import { stopImportPolling, useImportStore } from '@/stores/exchange.store'
import { offerDownload, type ImportReport } from '@/services/exchange.service'
import '@/packages/exchange/exchange.scss'

const STATE_TEXT: Record<ImportReport['state'], string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '导入失败',
}

function FilePicker({
  name,
  onPick,
}: {
  name: string | null
  onPick: (f: { name: string; size: number; path?: string; blob?: Blob }) => void
}) {
  if (process.env.TARO_ENV === 'h5') {
    // a plain file input in the H5 build (the browser's own picker)
    return createElement('input', {
      type: 'file',
      accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'aria-label': '选择要导入的文件',
      'data-testid': 'import-file',
      className: 'zj-ex__file',
      onChange: (e: { target: { files?: FileList | null } }) => {
        const f = e.target.files?.[0]
        if (f) onPick({ name: f.name, size: f.size, blob: f })
      },
    })
  }
  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
      const f = res.tempFiles[0]
      if (f) onPick({ name: f.name, size: f.size, path: f.path })
    } catch {
      /* cancelled */
    }
  }
  return (
    <View>
      <ZjButton ariaLabel='从聊天记录中选择 CSV 或 XLSX 文件' onClick={() => void choose()}>
        选择文件
      </ZjButton>
      {name && <Text className='zj-ex__row'>已选择：{name}</Text>}
    </View>
  )
}

function Report({ report }: { report: ImportReport }) {
  const running = report.state === 'queued' || report.state === 'running'
  const pct = report.progress === null ? null : Math.round(report.progress * 100)
  return (
    <View className='zj-ex__block' data-testid='import-report' aria-live='polite'>
      <View>
        <Text className='zj-ex__title'>{report.dryRun ? '试运行结果' : '导入结果'}</Text>
        <Tag tone={report.state === 'done' ? 'success' : report.state === 'failed' ? 'danger' : 'primary'}>
          {STATE_TEXT[report.state]}
        </Tag>
      </View>
      {running && (
        <View data-testid='import-progress'>
          <View
            className='zj-ex__bar'
            role='progressbar'
            aria-valuenow={pct ?? 0}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <View className='zj-ex__bar-fill' style={{ width: `${pct ?? 5}%` }} />
          </View>
          <Text className='zj-ex__hint'>
            {report.state === 'queued'
              ? '已排队，后台将在1分钟内开始处理'
              : `已读取 ${report.total} 行${pct !== null ? `（约 ${pct}%）` : ''}`}
            ，可离开本页，稍后在「导入记录」中查看
          </Text>
        </View>
      )}
      <View className='zj-ex__counts' data-testid='import-counts'>
        <Tag>读取 {report.total}</Tag>
        <Tag tone='success'>
          {report.dryRun ? '将新增' : '新增'} {report.imported}
        </Tag>
        <Tag tone='primary'>
          {report.dryRun ? '将更新' : '更新'} {report.updated}
        </Tag>
        <Tag>未变 {report.unchanged}</Tag>
        <Tag tone={report.rejected ? 'danger' : 'default'}>拒绝 {report.rejected}</Tag>
      </View>
      {report.dryRun && report.state === 'done' && (
        <Text className='zj-ex__hint'>试运行没有写入任何数据。确认无误后请点「正式导入」。</Text>
      )}
      {report.unknownColumns.length > 0 && (
        <Text className='zj-ex__row'>以下列不在模板中，已忽略：{report.unknownColumns.join('、')}</Text>
      )}
      {report.errors.length > 0 && (
        <View data-testid='import-errors'>
          <Text className='zj-ex__title'>问题行（前 {report.errors.length} 条）</Text>
          {report.errors.map((e, i) => (
            <View key={`${e.row}-${e.column}-${i}`} className='zj-ex__error' data-testid='import-error'>
              <Text>
                第 {e.row} 行{e.column ? ` · ${e.column}` : ''}：{e.message}
              </Text>
            </View>
          ))}
        </View>
      )}
      {report.errorsFileURL && (
        <View className='zj-ex__actions'>
          <ZjButton
            ariaLabel='下载被拒绝的行，改正后重新导入'
            onClick={() => void offerDownload({ url: report.errorsFileURL, name: `被拒行-${report.jobId}.csv` })}
          >
            下载被拒行
          </ZjButton>
        </View>
      )}
    </View>
  )
}

export default function ImportPage() {
  const { kind, template, templateStatus, file, phase, report, error, setKind, loadTemplate, pick, start } =
    useImportStore()
  useEffect(() => {
    if (!template) void loadTemplate()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useUnload(() => stopImportPolling())
  const busy = phase !== 'idle'

  return (
    <PageShell>
      <View className='zj-ex' data-testid='exchange-import'>
        <View className='zj-ex__chips' role='radiogroup' aria-label='导入的数据类型'>
          {IMPORT_KINDS.map((k: ImportKind) => (
            <Chip
              key={k}
              mark
              label={IMPORT_KIND_LABELS[k]}
              on={kind === k}
              onTap={() => !busy && setKind(k)}
              testId={`kind-${k}`}
            />
          ))}
        </View>
        {error && (
          <View className='zj-ex__notice' role='alert' data-testid='import-notice'>
            <Text>{error.message}</Text>
          </View>
        )}
        <PageState
          status={templateStatus === 'idle' ? 'loading' : templateStatus}
          error={error}
          onRetry={() => void loadTemplate()}
        >
          {template && (
            <View className='zj-ex__block' data-testid='import-template'>
              <Text className='zj-ex__title'>模板：{template.title}</Text>
              <Text className='zj-ex__hint'>
                列名按名称识别，顺序不限；CSV 可为 UTF-8 或 GB18030（Excel 另存的 CSV），也可用 XLSX。按「
                {template.naturalKey}」识别同一条记录，重复导入不会重复新增。
              </Text>
              <View className='zj-ex__cols'>
                {template.columns.map((c) => (
                  <Tag key={c.header} tone={c.required ? 'primary' : 'default'}>
                    {c.header}
                    {c.required ? '*' : ''}
                  </Tag>
                ))}
              </View>
              <View className='zj-ex__actions'>
                <ZjButton
                  ariaLabel={`下载${template.title}导入模板`}
                  onClick={() => void offerDownload({ text: template.csv, name: `${template.title}导入模板.csv` })}
                >
                  下载模板
                </ZjButton>
              </View>
            </View>
          )}
        </PageState>
        <View className='zj-ex__block'>
          <Text className='zj-ex__title'>选择文件</Text>
          <FilePicker name={file?.name ?? null} onPick={pick} />
          <View className='zj-ex__actions'>
            <ZjButton
              ariaLabel='试运行：只校验，不写入'
              disabled={!file || busy}
              loading={busy || undefined}
              onClick={() => void start(true)}
            >
              试运行
            </ZjButton>
            <ZjButton
              kind='primary'
              ariaLabel='正式导入'
              disabled={!file || busy}
              loading={busy || undefined}
              onClick={() => void start(false)}
            >
              正式导入
            </ZjButton>
          </View>
          {phase === 'uploading' && <Text className='zj-ex__hint'>正在上传文件…</Text>}
          {phase === 'starting' && <Text className='zj-ex__hint'>正在创建导入任务…</Text>}
        </View>
        {report && <Report report={report} />}
        <View className='zj-ex__actions'>
          <ZjButton
            ariaLabel='查看导入记录'
            onClick={() => void Taro.navigateTo({ url: '/packages/exchange/imports/index' })}
          >
            导入记录
          </ZjButton>
          <ZjButton
            ariaLabel='导出名单与服务记录'
            onClick={() => void Taro.navigateTo({ url: '/packages/exchange/export/index' })}
          >
            数据导出
          </ZjButton>
        </View>
      </View>
    </PageShell>
  )
}
