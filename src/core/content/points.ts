import type { Point, PointId } from './types.js';

/**
 * The fourteen points of the article's routines (points-reference §2).
 * Codes: current WHO-style first, then older or alternative chart codes.
 * matchTerms: only what normalising codes and pinyin does not already give (spacing and
 * number words are normalised away, so "zhao hai", "k i six" and "kidney 6" need no entry). Sound-alike
 * transcriptions ("chew shoe") live in the interaction model, where entity resolution maps them;
 * what slips past it gets a suggestion from suggestPoints, which compares how names sound.
 */
export const POINTS = {
  KI6: {
    id: 'KI6', codes: ['KI6', 'K6', 'KID6'], pinyin: 'Zhaohai', avoidInPregnancy: false, view: 'innerAnkle',
    matchTerms: ['shining sea', 'illuminated sea', 'kidney six'],
  },
  GB40: {
    id: 'GB40', codes: ['GB40'], pinyin: 'Qiuxu', avoidInPregnancy: false, view: 'outerAnkle',
    matchTerms: ['hill ruins', 'mound of ruins', 'gallbladder forty'],
  },
  BL60: {
    id: 'BL60', codes: ['BL60', 'UB60', 'B60'], pinyin: 'Kunlun', avoidInPregnancy: true, view: 'outerAnkle',
    matchTerms: ['kunlun mountains', 'high mountains', 'bladder sixty'],
  },
  BL62: {
    id: 'BL62', codes: ['BL62', 'UB62', 'B62'], pinyin: 'Shenmai', avoidInPregnancy: true, view: 'outerAnkle',
    matchTerms: ['calm sleep', 'extending vessel', 'bladder sixty two'],
  },
  KI7: {
    id: 'KI7', codes: ['KI7', 'K7', 'KID7'], pinyin: 'Fuliu', avoidInPregnancy: false, view: 'innerAnkle',
    matchTerms: ['returning current', 'kidney seven'],
  },
  KI8: {
    id: 'KI8', codes: ['KI8', 'K8', 'KID8'], pinyin: 'Jiaoxin', avoidInPregnancy: false, view: 'innerAnkle',
    matchTerms: ['exchange belief', 'kidney eight'],
  },
  KI4: {
    id: 'KI4', codes: ['KI4', 'K4', 'KID4'], pinyin: 'Dazhong', avoidInPregnancy: true, view: 'innerAnkle',
    matchTerms: ['large goblet', 'great bell', 'kidney four'],
  },
  KI5: {
    id: 'KI5', codes: ['KI5', 'K5', 'KID5'], pinyin: 'Shuiquan', avoidInPregnancy: false, view: 'innerAnkle',
    matchTerms: ['water spring', 'kidney five'],
  },
  KI1: {
    id: 'KI1', codes: ['KI1', 'K1', 'KID1'], pinyin: 'Yongquan', avoidInPregnancy: false, view: 'sole',
    matchTerms: ['gushing spring', 'bubbling spring', 'kidney one'],
  },
  LV3: {
    id: 'LV3', codes: ['LV3', 'LR3', 'LIV3'], pinyin: 'Taichong', avoidInPregnancy: true, view: 'topOfFoot',
    matchTerms: ['great surge', 'great rushing', 'liver three'],
  },
  BL40: {
    id: 'BL40', codes: ['BL40', 'BL54', 'UB40', 'B54'], pinyin: 'Weizhong', avoidInPregnancy: false, view: 'backOfLeg',
    matchTerms: ['middle of the crook', 'commanding middle', 'bladder forty', 'bladder fifty four'],
  },
  BL57: {
    id: 'BL57', codes: ['BL57', 'UB57', 'B57'], pinyin: 'Chengshan', avoidInPregnancy: false, lightInPregnancy: true, view: 'backOfLeg',
    matchTerms: ['mountain support', 'bladder fifty seven'],
  },
  SHIMIAN: {
    id: 'SHIMIAN', codes: ['M-LE-5'], pinyin: 'Shimian', avoidInPregnancy: false, view: 'sole',
    matchTerms: ['insomnia point', 'lost sleep', 'heel point'],
  },
  GB41: {
    id: 'GB41', codes: ['GB41'], pinyin: 'Zulinqi', avoidInPregnancy: false, view: 'topOfFoot',
    matchTerms: ['foot governor of tears', 'foot overlooking tears', 'gallbladder forty one'],
  },
} as const satisfies Record<PointId, Point>;
