import type { Lang } from '../post.js';

/**
 * Patterns that are not crisis terms but change how terms count.
 * - `benign`: a harmless phrase that contains a crisis word (폭발적인 인기, "my phone died", "hacked together");
 *   the text it covers is skipped, so the word inside it never counts.
 *   A `praise` phrase also tells the scorer not to take the post's complaint tone at face value.
 * - `contact`: the customer tried the company first and got nowhere; counts as a complaint on its own.
 */
export interface PhrasePattern {
  lang: Lang;
  /** Same syntax as LexiconTerm.pattern. */
  pattern: string;
  label: string;
}

export const BENIGN: readonly PhrasePattern[] = [
  {
    lang: 'ko',
    label: '폭발적 인기',
    pattern:
      '폭발 ?적|(?:인기|반응|주문|조회수|매출|웃음|감성|귀여움|포텐|맛|식욕|텐션|흥|사랑|관심|댓글) ?(?:이|가|도)? ?(?:대 ?)?폭발|폭발 ?(?:하는|할) ?(?:듯한 ?|것 ?같은 ?)?(?:맛|인기|반응)',
  },
  {
    lang: 'ko',
    label: 'praise',
    pattern:
      '죽인다|죽여 ?(?:준다|줘요|주네|줌|줘)|(?:맛|가격|가성비|퀄리티|비주얼|디자인|식감|향|음질|화질|핏|색감|때깔) ?(?:이|가|은|는|도)? ?(?:진짜 ?|정말 ?|완전 ?|개 ?)?미쳤(?:다|어요|네요|네|음|고)',
  },
  {
    lang: 'en',
    label: 'praise',
    pattern:
      '(?:the|da) bomb|bomb\\.com|killed it|killing it|killer \\w+|to die for|drop[- ]dead (?:gorgeous|delicious)|death by chocolate|sick (?:beat|beats|trick|moves?|view|design)|on fire|(?:this|that|it) (?:is|was) fire|insanely (?:good|delicious|tasty)|dangerously (?:good|delicious|addictive)|worth (?:dying|killing) for|mind[- ]?(?:blowing|blown)|(?:mind|brain|head|taste ?buds?) (?:exploded|blown|blew up)|flavou?r (?:explosion|bomb)|explosion of (?:flavou?rs?|colou?rs?|taste)|explod(?:ed|ing) (?:in|with) (?:popularity|flavou?r|sales|views|followers|orders)',
  },
  {
    lang: 'en',
    label: 'not literal',
    pattern:
      "hack(?:ed|ing)? (?:together|up|away|at)|life ?hacks?|growth hack(?:ing)?|hackathons?|hacker ?(?:news|rank)|(?:sales|orders|views|popularity|my phone|phone|notifications|mentions|timeline|inbox|twitter|dms|comments) (?:\\w+ )?(?:exploded|blew up|blowing up)|blew up (?:on|my (?:phone|notifications|mentions|inbox|timeline))|(?:phone|battery|laptop|car|computer|tv|headphones|it|app|charger|screen|console|controller|remote|router|wifi|internet|printer|airpods|kindle|ipad|iphone|mouse|keyboard|bulb|tablet|watch)(?:'s battery)? (?:just |has |literally |completely |already |finally )?(?:died|dead)|dead (?:battery|pixels?|zone|link|end)|(?:i'm|im|i am|i'm literally|i literally|i just) (?:dead|dying|died)|dying (?:to|for)|death (?:metal|star|stranding)|near death experience|killed (?:time|the vibe|the mood)|worst case|at (?:the )?worst|rotten tomatoes|injured reserve|injury (?:report|list|update)",
  },
];

/** Words that place a post in a game, film, show or book, where explosions and deaths are not incidents. */
export const FICTION: readonly PhrasePattern[] = [
  {
    lang: 'ko',
    label: 'fiction',
    pattern:
      '게임|영화|드라마|웹툰|애니|만화|소설|예고편|스포|시즌 ?\\d|에피소드|회차|넷플릭스|티빙|왓챠|보스전|레이드|퀘스트|던전|캐릭터|촬영 ?장면|액션 ?신',
  },
  {
    lang: 'en',
    label: 'fiction',
    pattern:
      'games?|gaming|gamer|movies?|film|episode|season \\d+|trailer|series|anime|manga|novel|boss fight|quest|character|spoilers?|netflix|hbo|playstation|ps5|xbox|nintendo|fortnite|minecraft|cutscene|sequel|plot|scene',
  },
];

export const CONTACT: readonly PhrasePattern[] = [
  {
    lang: 'ko',
    label: '고객센터 연결 안 됨',
    pattern:
      '(?:고객 ?센터|콜 ?센터|상담원|상담사|판매자|업체|본사|가게|매장|사장님?|점주|담당자|고객 ?상담|cs|as ?센터|a/s) ?(?:는|은|이|가|에|랑|과|도|에서|쪽)? ?(?:연결 ?(?:이|도)? ?안|전화 ?(?:를|도|는)? ?안 ?받|답 ?(?:이|도)? ?없|답변 ?(?:이|도)? ?없|연락 ?(?:이|도)? ?(?:안|없)|응답 ?(?:이|도)? ?없|묵묵 ?부답|읽씹|무응답|불통|통화 ?(?:가|도)? ?(?:안|불가))',
  },
  {
    lang: 'ko',
    label: '답변 없음',
    pattern:
      '전화 ?(?:를|도|는)? ?(?:계속 |절대 )?안 ?받|답변 ?(?:이|도|을)? ?(?:없|안 ?(?:해|주|와|옴|달))|연락 ?(?:이|도|을)? ?(?:없|안 ?(?:돼|되|와|옴|줌|주)|두절)|묵묵 ?부답|읽씹|무응답|문의 ?(?:를|도|해도|했는데|남겼는데) ?(?:답|연락|응답)? ?(?:이|도)? ?(?:없|안)|답 ?없는|기다리라는 ?말만|ars ?만',
  },
  {
    lang: 'en',
    label: 'no response',
    pattern:
      "no (?:response|reply|answer|callback|call back)|no one (?:answers|answered|responds|responded|replied|called back|got back|helps|helped|picks up)|nobody (?:answers|answered|responds|responded|replied|calls back|helps|picks up)|(?:haven't|have not|never|still haven't|didn't|did not) (?:heard|got|gotten|received) (?:back|a (?:response|reply|call back|callback)|any (?:response|reply|help))|on hold for|(?:been )?(?:waiting|on hold) (?:for )?(?:\\d+|an?|two|three|several|many) (?:hours?|days?|weeks?|mins?|minutes?)|(?:keep|keeps|kept) (?:hanging up|disconnecting|transferring)|ignor(?:ed|ing) (?:me|my|us|our)|left on read|ghosted|(?:still )?waiting (?:for|on) (?:a |your |any )?(?:response|reply|answer|call ?back)|(?:not getting|haven't gotten|didn't get|not received|no) any (?:response|reply|help|answer)|still no (?:response|reply|answer|word|update)|(?:support|customer service) (?:is |was )?(?:useless|unreachable|non-?existent|non-?responsive|unresponsive)",
  },
];

/** Amplifiers: they add a few points to a post that already has a crisis signal, never on their own. */
export type AmplifierKind = 'intensity' | 'spread' | 'evidence';

export interface Amplifier extends Omit<PhrasePattern, 'lang'> {
  kind: AmplifierKind;
  /** `any`: punctuation and jamo runs, matched anywhere with no word boundaries. */
  lang: Lang | 'any';
}

export const AMPLIFIERS: readonly Amplifier[] = [
  {
    kind: 'intensity',
    lang: 'ko',
    label: 'intensity',
    pattern: '진짜|정말|너무|완전|절대|도대체|제정신|말이 (?:되|돼|됩)',
  },
  { kind: 'intensity', lang: 'any', label: 'intensity', pattern: 'ㅠㅠ+|ㅜㅜ+|ㄷㄷ|!{2,}|\\?{2,}|\\?!|!\\?' },
  {
    kind: 'intensity',
    lang: 'en',
    label: 'intensity',
    pattern: 'really|seriously|absolutely|totally|extremely|literally|incredibly|ever|so',
  },
  {
    kind: 'spread',
    lang: 'ko',
    label: 'spread',
    pattern:
      '퍼가(?:세요|주세요|도 돼|셔도)|공유 (?:부탁|해 주세요|좀|바랍|해 주시)|널리 (?:알려|퍼트|퍼뜨)|많이 (?:알려|퍼트|퍼뜨|공유)|알려 주세요|퍼트려|퍼뜨려|공론화|언론에 (?:제보|알리)|제보(?:했|합니다|할|하겠)|기자님|청원',
  },
  {
    kind: 'spread',
    lang: 'en',
    label: 'spread',
    pattern:
      'please share|pls share|plz share|share this|spread the word|rt|retweet|please rt|signal boost|go viral|tell everyone|tell your friends|warn (?:others|everyone|people)|everyone needs to know|psa|journalists?|reporters?|contacting the (?:media|press|news)|petition',
  },
  {
    kind: 'evidence',
    lang: 'ko',
    label: 'evidence',
    pattern:
      '사진|영수증|진단서|소견서|병원 기록|녹음|녹취|캡처|캡쳐|스크린샷|스샷|증거|동영상|영상 (?:첨부|찍|있)|cctv|블랙박스|첨부',
  },
  {
    kind: 'evidence',
    lang: 'en',
    label: 'evidence',
    pattern:
      "screenshots?|photos?|pictures?|pics?|receipts?|proof|evidence|video|recording|recorded|footage|doctor'?s note|medical (?:report|records?|bills?)|pic\\.twitter\\.com|attached",
  },
];
