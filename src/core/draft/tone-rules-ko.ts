import type { ToneRule } from './tone-rule.js';

/** Wording that sends personal details somewhere private, or says they need not or must not be posted. */
const PRIVATE_KO =
  /(쪽지|DM|디엠|메시지|1:1|일대일|비공개|메일|카카오톡|카톡|고객센터|채팅|전화)(\s*(문의|채널|상담|톡))?\s*(으로|로|에서|를\s*통해)|남기지|적지|올리지|쓰지|필요(는|가)?\s*없|않으셔도/i;

/** Korean wording that lectures, blames, threatens or sounds like a script. */
export const KO_TONE_RULES: readonly ToneRule[] = [
  {
    id: 'ko.blame_customer',
    kind: 'blame',
    lang: 'ko',
    pattern:
      /고객님?(께서|이|의)?\s*(잘못|실수|부주의|착각|과실|귀책)|(사용자|구매자|이용자)\s*(과실|부주의|귀책)|(잘못|실수로)\s*(선택|입력|주문|기재|설정|사용)하(신|셨)/g,
    unless: /(잘못|실수|과실|탓)(이|은|는)?\s*아니/,
    why: '잘못을 고객에게 돌리는 말은 불만을 분노로 바꿉니다.',
    suggestion: '"저희 안내가 부족했습니다"처럼 저희 몫을 먼저 인정해 주세요.',
  },
  {
    id: 'ko.should_have',
    kind: 'blame',
    lang: 'ko',
    pattern:
      /(확인|읽|숙지|보관|보|살펴보|체크|참고)(하셨어야|으셨어야|셨어야|해\s*주셨어야|하지\s*않으셔서|하지\s*않으신)/g,
    why: '고객이 했어야 할 일을 따지는 말은 훈계로 들립니다.',
    suggestion: '고객이 놓친 점 대신 저희가 더 잘 알렸어야 했다고 말해 주세요.',
  },
  {
    id: 'ko.rules',
    kind: 'lecture',
    lang: 'ko',
    pattern:
      /(규정|약관|원칙|방침|정책|내규)(\s*제\s*\d+\s*조(\s*\d+\s*항)?)?\s*(상(?=[\s,.의으]|$)|에\s*따라|에\s*따르면|에\s*의거|에\s*의해|에\s*명시|적으로|대로|을\s*따르|이라서|이기\s*때문)/g,
    why: '규정과 약관을 내세우면 고객은 가르치려 든다고 느낍니다.',
    suggestion:
      '규정 대신 고객을 위해 지금 할 수 있는 일을 말해 주세요. 예: "이번 건은 바로 환불해 드리겠습니다."',
  },
  {
    id: 'ko.misunderstanding',
    kind: 'misunderstanding',
    lang: 'ko',
    pattern: /오해/g,
    unless: /오해[가-힣\s]{0,8}아니/,
    why: '"오해"는 고객이 틀렸다는 뜻으로 읽혀, 사과를 변명으로 바꿉니다.',
    suggestion: '"저희 설명이 부족해 혼란을 드렸습니다"처럼 저희 책임으로 말해 주세요.',
  },
  {
    id: 'ko.as_announced',
    kind: 'lecture',
    lang: 'ko',
    pattern:
      /((공지|안내|고지)(해\s*드린|드린|한|된|드렸던)\s*(바와\s*같이|대로))|이미\s*(공지|안내|고지)|(공지\s*사항|상세\s*페이지|FAQ|약관|공지)에\s*(안내|기재|명시|표기|공지)(되어|돼)\s*있|앞서\s*(말씀|안내)\s*(드린|드렸던)\s*(것처럼|대로|바와)/g,
    why: '"이미 안내한 대로"는 고객이 안 읽었다고 나무라는 말입니다.',
    suggestion: '안내가 닿지 않았다면 저희 탓이라고 인정하고, 필요한 내용을 다시 짧게 알려 주세요.',
  },
  {
    id: 'ko.conditional',
    kind: 'conditional_apology',
    lang: 'ko',
    pattern:
      /(불편|불쾌|서운|언짢|상처)[가-힣\s]{0,8}?(느끼셨|받으셨|하셨|되셨|드렸|겪으셨|있으셨|있었)(다면|을\s*수\s*있다면)|(기분|마음)(이|을)?\s*상하셨다면|[가-힣]+셨다면\s*(정말\s*|진심으로\s*)?(죄송|사과|유감)/g,
    why: '"~하셨다면"은 조건부 사과라 사과하지 않은 것으로 읽힙니다.',
    suggestion: '조건 없이 말해 주세요. 예: "불편을 드려 죄송합니다."',
  },
  {
    id: 'ko.regret',
    kind: 'not_an_apology',
    lang: 'ko',
    pattern: /유감(입니다|스럽|을\s*표|이라|으로\s*생각)/g,
    why: '"유감"은 남의 일처럼 들리는 말이지 사과가 아닙니다.',
    suggestion: '"진심으로 사과드립니다"라고 직접 사과해 주세요.',
  },
  {
    id: 'ko.apology_but',
    kind: 'apology_but',
    lang: 'ko',
    pattern:
      /죄송(하지만|합니다만|하오나|하나|한데|스럽지만|스러우나)|사과(드리지만|드리나|드립니다만|는\s*드리지만|는\s*드리나)/g,
    why: '사과 뒤의 "~지만"은 앞의 사과를 지워 버립니다.',
    suggestion: '사과에서 문장을 끝내고, 설명은 그 다음에 조치로 말해 주세요.',
  },
  {
    id: 'ko.some_customers',
    kind: 'minimising',
    lang: 'ko',
    pattern: /일부\s*(고객|소비자|이용자|회원)|극히\s*일부|소수의\s*(고객|사례)/g,
    why: '"일부 고객"은 문제를 작게 만들려는 말로 읽힙니다.',
    suggestion: '글쓴이에게 직접 말해 주세요. 예: "고객님께 불편을 드려 죄송합니다."',
  },
  {
    id: 'ko.legal_threat',
    kind: 'legal_threat',
    lang: 'ko',
    pattern:
      /법적\s*(으로|인)?\s*(조치|대응|절차|책임)|법무\s*(팀|법인|담당)|민\s*·?\s*형사|변호사|고소(를|장|하겠|할|\s*조치|\s*진행|\s*예정)|고발(을|하겠|할|\s*조치)|명예\s*훼손|업무\s*방해|허위\s*사실|좌시하지|소송|손해\s*배상\s*(을\s*)?청구/g,
    unless:
      /(소송|고소|고발)[을를은는]?[가-힣\s]{0,8}?(취하하|철회|거두)|(소송|고소|고발|법적\s*(조치|대응))[을를은는]?\s*(하지|진행하지|취하지)\s*않|취하하/,
    unlessAnywhere: true,
    why: '고객에게 법을 들이대는 순간 불만은 불매와 기사로 번집니다.',
    suggestion: '법적 표현은 빼고, 사실과 다른 부분이 있다면 근거를 차분히 공유하겠다고 말해 주세요.',
  },
  {
    id: 'ko.public_personal_data',
    kind: 'public_personal_data',
    lang: 'ko',
    pattern:
      /(주문\s*번호|계좌\s*번호|주민(등록)?\s*번호|카드\s*번호|전화\s*번호|휴대폰\s*번호|핸드폰\s*번호|폰\s*번호|이메일(\s*주소)?|메일\s*주소|아이디|연락처|주소|생년월일|비밀번호|성함)[^.!?\n]{0,20}?(남겨|적어|알려|올려|댓글|기재)/g,
    unless: PRIVATE_KO,
    why: '공개된 글에 개인정보를 요청하면 고객을 위험에 빠뜨립니다.',
    suggestion:
      '"개인 정보는 이곳에 남기지 마시고 1:1 문의(또는 이메일)로 보내 주세요"처럼 비공개 창구로 안내해 주세요.',
  },
  {
    id: 'ko.canned_feedback',
    kind: 'canned',
    lang: 'ko',
    pattern:
      /소중한\s*(의견|말씀)|더욱\s*노력하는|더\s*나은\s*[가-힣]+(로|으로)\s*보답|최선을\s*다하겠|이용에\s*불편을\s*드려|양해\s*(부탁|바랍|해\s*주시기)|항상\s*[가-힣\s]*이용해\s*주셔서\s*감사/g,
    why: '상담 매뉴얼 같은 문장은 진심이 없다고 느끼게 합니다.',
    suggestion: '무엇이 잘못됐고 무엇을 하겠는지 구체적으로, 사람의 말로 써 주세요.',
  },
  {
    id: 'ko.denial',
    kind: 'denial',
    lang: 'ko',
    pattern:
      /그럴\s*리(가)?\s*없|그런\s*일은\s*없|사실이\s*아닙니다|(문제|이상|하자|결함)(가|는|이|은)\s*없(습니다|어요|는\s*것으로)|정상\s*제품(입니다|이에요)/g,
    unless: /저희\s*[가-힣]{0,6}\s*(오류|잘못|실수|탓|책임)/,
    unlessAnywhere: true,
    why: '확인도 전에 부정하면 증거가 올라오는 순간 신뢰를 잃습니다.',
    suggestion: '"지금 확인하고 있으며, 결과를 언제까지 알려 드리겠습니다"라고 말해 주세요.',
  },
];
