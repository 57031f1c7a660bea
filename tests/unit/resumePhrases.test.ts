import { OCCUPATIONS } from '../../shared/occupations/occupations'
import { phraseSet, ruleBasedWriter } from '../../shared/user/phrases'

describe('résumé writing helper', () => {
  test('every occupation the project ships has wording for duties and skills, and says where it comes from', () => {
    for (const o of OCCUPATIONS) {
      const p = phraseSet(o.code)
      expect(p?.duties.length).toBeGreaterThan(0)
      expect(p?.skills.length).toBeGreaterThan(0)
      expect(p?.source).toContain(o.official ? '国家职业技能标准' : '无官方出处')
    }
  })

  test('an unknown code has no wording; skills the person already wrote are not suggested again', async () => {
    expect(phraseSet('9-99-99-99')).toBeNull()
    const [welder] = await ruleBasedWriter.suggest({
      occupationCodes: ['6-18-02-04', '9-99'],
      skills: ['能读懂焊接图样和焊接工艺卡'],
    })
    expect(welder.skills).not.toContain('能读懂焊接图样和焊接工艺卡')
  })
})
