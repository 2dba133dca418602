/**
 * The bundled "sample internet": a small world around a fictional food company, 한빛푸드 (Hanbit Foods),
 * with the kinds of posts Bulssi must tell apart — a quiet foreign-object report with 40 views, a rave
 * with 50,000 views, rude service, a double charge the call centre refused, a data leak, and posts that
 * are not about the company at all. Counts grow while the sample server runs, so re-scans have history.
 */

export interface SampleBoardPost {
  no: number;
  title: string;
  body: string;
  author: string;
  /** Minutes before the server started. */
  ageMinutes: number;
  views: number;
  comments: number;
  likes: number;
  /** Views and comments gained per minute while the server runs. */
  growth?: { views: number; comments: number };
}

export const BOARD_POSTS: readonly SampleBoardPost[] = [
  {
    no: 1024,
    title: '한빛푸드 바삭칩에서 이물질 나왔어요 (사진 있음)',
    body: '오늘 편의점에서 산 한빛푸드 바삭칩 봉지 안에서 검은 이물질이 나왔습니다. 사진 첨부합니다. 아이가 먹다가 발견했는데 너무 놀랐어요. 고객센터에 전화했는데 연결이 안 되네요 ㅠㅠ',
    author: '바삭맘',
    ageMinutes: 25,
    views: 40,
    comments: 3,
    likes: 2,
    growth: { views: 30, comments: 2 },
  },
  {
    no: 1023,
    title: '한빛푸드 신상 딸기케이크 진짜 죽인다',
    body: '한빛푸드 딸기케이크 먹어봤는데 진짜 미쳤다… 폭발적인 인기라더니 이유가 있네요. 재구매 각!',
    author: '디저트러버',
    ageMinutes: 180,
    views: 50_000,
    comments: 320,
    likes: 1_200,
  },
  {
    no: 1022,
    title: '한빛 푸드 고객센터 너무 불친절하네요',
    body: '주문 누락 문의했더니 상담원이 반말에 짜증을 내네요. 제 잘못이라고 하고 그냥 끊어버렸습니다. 다시는 안 삽니다.',
    author: '화난소비자',
    ageMinutes: 95,
    views: 310,
    comments: 14,
    likes: 22,
  },
  {
    no: 1021,
    title: '한빛푸드 도시락 먹고 아이가 배탈 났어요',
    body: '어제 저녁 한빛푸드 도시락을 먹은 아이가 밤새 복통과 설사로 응급실에 다녀왔습니다. 식중독 같다고 하네요. 진단서 받아뒀습니다. 다른 분들은 괜찮으신가요?',
    author: '걱정엄마',
    ageMinutes: 300,
    views: 820,
    comments: 41,
    likes: 65,
    growth: { views: 12, comments: 1 },
  },
  {
    no: 1020,
    title: '주말 등산 후기 (북한산)',
    body: '날씨가 좋아서 북한산 다녀왔습니다. 단풍이 끝물이지만 좋았어요.',
    author: '산사람',
    ageMinutes: 400,
    views: 150,
    comments: 5,
    likes: 9,
  },
  {
    no: 1019,
    title: '한빛푸드뱅크 연말 봉사활동 모집합니다',
    body: '지역 푸드뱅크인 한빛푸드뱅크에서 연말 나눔 봉사자를 모집합니다. 불량 식품 없는 건강한 나눔!',
    author: '봉사단',
    ageMinutes: 600,
    views: 90,
    comments: 2,
    likes: 4,
  },
  {
    no: 1018,
    title: '한빛푸드 블랙프라이데이 할인 언제까지인가요?',
    body: '한빛푸드 공식몰 할인 행사 기간 아시는 분 계신가요? 떡볶이 밀키트 쟁여두려고요.',
    author: '알뜰살뜰',
    ageMinutes: 720,
    views: 210,
    comments: 6,
    likes: 1,
  },
];

export interface SampleFeedItem {
  guid: string;
  title: string;
  description: string;
  path: string;
  ageMinutes: number;
}

export const NEWS_ITEMS: readonly SampleFeedItem[] = [
  {
    guid: 'news-5501',
    title: 'Hanbit Foods recalls snack line after customers report foreign objects',
    description:
      'Hanbit Foods said it would recall one batch of its crispy chips after several customers posted photos of foreign objects found in sealed bags. The food safety ministry has opened an inspection.',
    path: '/news/5501?utm_source=rss&utm_medium=feed',
    ageMinutes: 50,
  },
  {
    guid: 'news-5502',
    title: '한빛푸드, 회원 개인정보 유출 의혹… "2만 명 주소·전화번호 노출"',
    description:
      '한빛푸드 공식몰 회원 약 2만 명의 이름과 주소, 전화번호가 외부에 노출됐다는 의혹이 제기됐다. 회사는 해킹 여부를 조사 중이라고 밝혔다.',
    path: '/news/5502',
    ageMinutes: 140,
  },
  {
    guid: 'news-5503',
    title: 'Hanbit Foods opens a new bakery plant in Busan',
    description:
      'The new plant will supply the company’s cake and bread lines across the south-east and add 120 jobs.',
    path: '/news/5503',
    ageMinutes: 900,
  },
];

export interface SampleNaverItem {
  kind: 'blog' | 'cafearticle' | 'news';
  title: string;
  description: string;
  path: string;
  by: string;
  ageMinutes: number;
}

export const NAVER_ITEMS: readonly SampleNaverItem[] = [
  {
    kind: 'cafearticle',
    title: '<b>한빛푸드</b> 이중결제 됐는데 환불 안 해줘요 &quot;규정상 불가&quot;래요',
    description:
      '앱으로 주문했는데 결제가 두 번 됐어요. 고객센터는 &quot;약관에 따라 7일 후 처리&quot;라는 말만 반복하고 답변이 없습니다. 영수증 캡처 있어요. 소비자원에 신고하려고요.',
    path: '/cafe/mamsholic/88121',
    by: '맘스홀릭 베이비',
    ageMinutes: 35,
  },
  {
    kind: 'blog',
    title: '<b>한빛푸드</b> 떡볶이 밀키트 솔직 후기',
    description:
      '국물 떡볶이 좋아하는 분들께 추천! 양도 넉넉하고 매운맛 조절도 가능해서 좋았어요 &amp; 재구매 의사 있음.',
    path: '/blog/foodie_j/22334455',
    by: '푸디J의 맛집일기',
    ageMinutes: 240,
  },
  {
    kind: 'news',
    title: '<b>한빛푸드</b>, 연말 이웃돕기 성금 기탁',
    description: '<b>한빛푸드</b>는 연말을 맞아 지역 아동센터에 성금 1억 원을 기탁했다고 밝혔다.',
    path: '/naver-news/001/0014455',
    by: '한빛일보',
    ageMinutes: 500,
  },
];

export interface SampleHnHit {
  objectID: string;
  title: string;
  text: string;
  author: string;
  points: number;
  comments: number;
  ageMinutes: number;
}

export const HN_HITS: readonly SampleHnHit[] = [
  {
    objectID: '45991001',
    title: 'Hanbit Foods app leaked customer addresses through an open API',
    text: 'Their delivery app returned full names, phone numbers and home addresses for any order id. I reported it two weeks ago and got no response from support. Screenshots in the post.',
    author: 'sec_hobbyist',
    points: 230,
    comments: 85,
    ageMinutes: 70,
  },
  {
    objectID: '45991002',
    title: 'Show HN: I hacked together a recipe planner using Hanbit Foods meal kits',
    text: 'Weekend project: a planner that builds a shopping list from Hanbit Foods kits. Feedback welcome!',
    author: 'weekend_dev',
    points: 41,
    comments: 12,
    ageMinutes: 400,
  },
];
