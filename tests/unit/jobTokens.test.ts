import { bigrams, indexTokens, queryTokens, textTokens, bigramSegmenter } from '../../shared/job/tokens'
import { resetTokenizer, tokenizerEngine, tokensForPosting, tokensForQuery } from '../../cloudfunctions/job/tokenizer'

const welder = {
  title: '氩弧焊工（包吃住）',
  occupationName: '焊工',
  occupationAliases: ['电焊工', '电焊'],
  employerName: '济南鲁泰重工有限公司',
  skills: ['识图'],
}

describe('segmentation with jieba (the production tokenizer)', () => {
  beforeAll(() => resetTokenizer())
  it('loads the native jieba module here', () => {
    expect(tokenizerEngine()).toBe('jieba')
  })
  it('given trade words, then they stay whole (电焊工, 数控车床, 育婴师, 护理员)', () => {
    for (const w of ['电焊工', '数控车床', '育婴师', '护理员']) expect(tokensForQuery(w).all).toEqual([w])
  })
  it('given a title jieba splits oddly (氩弧焊 / 工), then its bigrams still answer 焊工', () => {
    const { titleTokens, tokens } = tokensForPosting(welder)
    expect(titleTokens).toEqual(expect.arrayContaining(['氩弧焊', '焊工']))
    expect(tokens).toEqual(expect.arrayContaining(['电焊工', '焊工', '识图', '重工']))
  })
  it('given filler words (招聘, 有限公司, 包吃住), then they are not tokens', () => {
    expect(tokensForQuery('招聘焊工').all).toEqual(['焊工'])
    expect(tokensForPosting(welder).tokens).not.toEqual(expect.arrayContaining(['有限公司']))
    expect(tokensForPosting(welder).titleTokens).not.toContain('包吃')
  })
  it('given Latin words, then they are lower-cased and kept (Java, CNC)', () => {
    expect(tokensForQuery('Java开发').all).toEqual(['java', '开发'])
    expect(textTokens(bigramSegmenter, 'CNC操作工')).toContain('cnc')
  })
  it('given full-width letters, then they match their half-width form', () => {
    expect(tokensForQuery('ＪＡＶＡ').all).toEqual(['java'])
  })
})

describe('character-bigram fallback (when the native module cannot load)', () => {
  afterAll(() => {
    delete process.env.ZJ_TOKENIZER
    resetTokenizer()
  })
  it('given the fallback, then queries and postings are cut into the same bigrams', () => {
    process.env.ZJ_TOKENIZER = 'bigram'
    resetTokenizer()
    expect(tokenizerEngine()).toBe('bigram')
    const q = tokensForQuery('电焊工')
    expect(q.all).toEqual(['电焊', '焊工'])
    const { tokens } = tokensForPosting({ ...welder, title: '电焊工' })
    expect(tokens).toEqual(expect.arrayContaining(q.all))
  })
  it('bigrams of a run', () => {
    expect(bigrams('氩弧焊工')).toEqual(['氩弧', '弧焊', '焊工'])
  })
  it('index and query share one function', () => {
    const idx = indexTokens(bigramSegmenter, { title: '育婴师', occupationName: '育婴员', employerName: '' })
    expect(idx.titleTokens).toEqual(expect.arrayContaining(queryTokens(bigramSegmenter, bigramSegmenter, '育婴师').all))
  })
})
