/**
 * Synthetic posts for benchmarks: about 500 characters each, Korean and English, a mix of crisis and
 * everyday talk, built from fixed phrases so runs are repeatable.
 */
const KO = [
  '한빛푸드 바삭칩에서 이물질이 나왔어요.',
  '고객센터에 전화했는데 연결이 안 되네요 ㅠㅠ',
  '배송은 빨랐고 포장도 꼼꼼했습니다.',
  '아이가 먹고 배탈이 나서 병원에 다녀왔어요.',
  '케이크 진짜 맛있어요 재구매 의사 있습니다!',
  '결제가 두 번 됐는데 환불이 안 된대요.',
  '사진 첨부합니다. 퍼가셔도 됩니다.',
  '주말에 가족이랑 먹었는데 다들 좋아했어요.',
  '상담원이 반말하고 그냥 끊었습니다. 너무 불친절해요.',
  '가격 대비 양이 많아서 만족합니다.',
];
const EN = [
  'Found a piece of plastic in my Hanbit Foods snack bag.',
  'Support never answered my emails for two weeks.',
  'Delivery was quick and the box was well packed.',
  'My kid got sick after eating it and we went to the hospital.',
  'This cake is the bomb, totally recommend it!',
  'I was charged twice and they refused a refund.',
  'Screenshots attached, please share.',
  'We had it at a family dinner and everyone loved it.',
  'The agent was rude and hung up on me.',
  'Great value for the price, will buy again.',
];

/** `count` posts of roughly `length` characters, deterministic for a given seed. */
export function syntheticPosts(count: number, length = 500, seed = 42) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  const posts: {
    id: string;
    title: string;
    text: string;
    lang: 'ko' | 'en';
    metrics: { views: number; comments: number };
  }[] = [];
  for (let i = 0; i < count; i++) {
    const lang = next() % 2 === 0 ? 'ko' : 'en';
    const phrases = lang === 'ko' ? KO : EN;
    let text = '';
    while (text.length < length) text += `${phrases[next() % phrases.length]} `;
    posts.push({
      id: String(i),
      title: phrases[next() % phrases.length] ?? '',
      text: text.slice(0, length),
      lang,
      metrics: { views: next() % 50_000, comments: next() % 300 },
    });
  }
  return posts;
}
