/**
 * Realistic Chinese names for synthetic persons: common surnames with rough frequency weights (the most
 * frequent surnames of the 2020 census cover most of the population) and given-name characters by sex.
 * Synthetic: any resemblance to a real person is chance.
 */
import { type Random, pick, weightedPicker, chance } from '../../../shared/random'

const SURNAMES: [string, number][] = [
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.8],
  ['刘', 5.4],
  ['陈', 4.6],
  ['杨', 3.1],
  ['赵', 2.3],
  ['黄', 2.0],
  ['周', 1.9],
  ['吴', 1.8],
  ['徐', 1.7],
  ['孙', 1.6],
  ['胡', 1.3],
  ['朱', 1.3],
  ['高', 1.3],
  ['林', 1.2],
  ['何', 1.2],
  ['郭', 1.2],
  ['马', 1.1],
  ['罗', 0.9],
  ['梁', 0.9],
  ['宋', 0.8],
  ['郑', 0.8],
  ['谢', 0.7],
  ['韩', 0.7],
  ['唐', 0.6],
  ['冯', 0.6],
  ['于', 0.6],
  ['董', 0.6],
  ['萧', 0.5],
  ['程', 0.5],
  ['曹', 0.5],
  ['袁', 0.5],
  ['邓', 0.5],
  ['许', 0.5],
  ['傅', 0.4],
  ['沈', 0.4],
  ['曾', 0.4],
  ['彭', 0.4],
  ['吕', 0.4],
  ['苏', 0.4],
  ['卢', 0.4],
  ['蒋', 0.4],
  ['蔡', 0.4],
  ['贾', 0.4],
  ['丁', 0.3],
  ['魏', 0.3],
  ['薛', 0.3],
  ['叶', 0.3],
  ['阎', 0.3],
  ['孔', 0.3],
  ['宫', 0.2],
  ['邢', 0.2],
  ['毕', 0.2],
  ['鞠', 0.1],
  ['欧阳', 0.05],
  ['诸葛', 0.02],
  ['司马', 0.02],
]
const MALE = Array.from('伟强磊军洋勇杰涛明超浩鹏斌辉刚健亮宇峰俊凯帅龙飞鑫博文华志国建平东晨旭阳雷振海林波宁')
const FEMALE = Array.from('芳娜敏静丽艳娟霞秀英玲桂兰萍红梅琳莉雪婷颖慧倩琪晶妍欣怡佳悦雯璐蕾洁丹彤梦瑶')
const COMMON = Array.from('子家天思嘉一晓云春秋玉金永世宏德新嘉可若安')

const surname = weightedPicker(SURNAMES)

export function personName(r: Random, sex: 'male' | 'female'): string {
  const pool = sex === 'male' ? MALE : FEMALE
  const given = chance(r, 0.55) ? pick(r, chance(r, 0.4) ? COMMON : pool) + pick(r, pool) : pick(r, pool)
  return surname(r) + given
}
