import type { TermRow } from './lexicon.js';

const FOOD =
  '(?:food|meal|salad|soup|sandwich|burger|pizza|drink|coffee|order|bowl|plate|box|bag|rice|chicken|fries|cereal|bread|cake|milk|yogurt|can|bottle|burrito|wrap|taco|noodles|pasta|lunch|dinner|breakfast|juice|water|tea|beer|chips|snack|cookies?|sub|nuggets|steak|fish|curry|kimchi|ramen|dumplings|sushi|latte|smoothie|pie|donut|muffin|bagel|sauce|meat|package|packet)';
const INTRUDER =
  '(?:bug|bugs|insect|insects|fly|flies|roach|roaches|cockroach|cockroaches|worm|worms|maggot|maggots|hair|hairs|glass|plastic|metal|rock|stone|band-?aid|fingernail|screw|mouse|rat)';
const BODY =
  '(?:hand|hands|finger|fingers|arm|arms|skin|mouth|tongue|face|leg|legs|back|neck|foot|feet|knee|eye|eyes|head|lip|lips|baby|kid|child|son|daughter|dog|cat)';
const PERSON = '(?:my|his|her|their|our)';
const DATA =
  '(?:data|information|info|details|passwords?|emails?|card numbers?|ssn|social security numbers?|addresses|records|phone numbers?|accounts?)';

/**
 * English crisis terms, written for complaint tweets and reviews. Single words that are common in harmless
 * talk (fire, bomb, killer, hacked, sick) appear only in phrases that make the literal meaning clear.
 */
// biome-ignore format: one term per line reads as a table
export const EN_TERMS: readonly TermRow[] = [
  // contamination
  ['contamination', 45, 'foreign object', 'foreign (?:object|objects|body|material|matter)'],
  ['contamination', 45, 'bug in food', `(?:(?:a|an|the|some|two|three|dead|live|huge|little) )*${INTRUDER} (?:in|inside|on|baked into|floating in|at the bottom of) (?:my|the|our|his|her|their|a|an|this) (?:\\w+ )?${FOOD}`],
  ['contamination', 40, 'found a bug', `found (?:a|an|some|two|three|this) (?:dead |live |huge |little |tiny )?(?:${INTRUDER}|piece of (?:glass|plastic|metal))`],
  ['contamination', 45, 'cockroach', 'cockroach(?:es)?|maggots?|rat droppings|mouse droppings|rodent droppings'],
  ['contamination', 40, 'mold', '(?<!(?:break|broke|breaks|fit|fits|cast|injection|silicone|cake|ice|jello|cookie|candle|soap) (?:the |a )?)mou?ld(?:y|ed)?(?! (?:for|to make|set))|mildew'],
  ['contamination', 30, 'expired', `expired (?:\\w+ )?(?:${FOOD}|product|products|medicine|formula|items?|goods|cheese|eggs|snacks?)|(?:past|after) (?:the |its |their )?(?:expiry|expiration|sell-by|use-by|best-before|best before) date|out of date (?:food|milk|meat|products?)`],
  ['contamination', 50, 'food poisoning', 'food[ -]?poisoning|salmonella|e\\. ?coli|listeria|norovirus|botulism'],
  ['contamination', 35, 'rotten', '(?<!the )rotten(?! tomatoes)|rotting|spoiled (?:milk|food|meat|chicken|fish|eggs|produce|fruit)|gone off|(?:went|gone) bad|(?:smells|smelled|smelt|tastes|tasted) (?:off|rancid|rotten|spoiled|sour)|rancid|curdled'],
  ['contamination', 40, 'contaminated', 'contaminat(?:ed|ion)|tainted|adulterated'],
  ['contamination', 30, 'undercooked', 'undercooked|under-cooked|raw (?:chicken|pork|meat|inside|in the middle)|pink (?:chicken|inside)'],
  ['contamination', 15, 'stale', 'stale'],
  // safety
  ['safety', 40, 'injured', `injur(?:ed|y|ies|ing)|wounded|concussion|stitches|broke ${PERSON} (?:arm|leg|wrist|ankle|tooth|teeth|nose|finger|toe)|broken (?:tooth|teeth|bone|arm|leg)|chipped (?:my |a )?tooth`],
  ['safety', 30, 'hurt', `(?:got|get|getting|was|were|been|badly|seriously) hurt|hurt ${PERSON} ${BODY}`],
  ['safety', 45, 'emergency room', 'emergency room|er visit|rushed to (?:the )?(?:hospital|er)|ambulance|hospitali[sz]ed|ended up in (?:the )?(?:hospital|er)|urgent care|a&e'],
  ['safety', 25, 'hospital', 'hospital'],
  ['safety', 40, 'allergic reaction', 'allergic reactions?|anaphyla(?:xis|ctic)|epi-?pen|hives|throat (?:closing|closed|swelling|swelled)|swell(?:ed|ing) up'],
  ['safety', 20, 'allergy', 'allerg(?:y|ies|ic|en|ens)'],
  ['safety', 45, 'exploded', 'explod(?:ed|es|ing)|explosion|blew up|blow up', 'literal'],
  ['safety', 45, 'caught fire', 'burst into flames|caught (?:on )?fire|went up in flames|fire hazard|set (?:my|the) \\w+ on fire|(?:phone|battery|charger|car|house|kitchen|oven|microwave|stove|dryer|laptop|device|toaster|heater|scooter|e-?bike|hoverboard) (?:is |was |caught |went |set )?on fire', 'literal'],
  ['safety', 25, 'overheating', 'overheat(?:ed|ing|s)?|sparked|sparking|smoking battery|battery (?:swell(?:ed|ing)|bulg(?:ed|ing))|swollen battery'],
  ['safety', 35, 'burned', `burn(?:ed|t|s) (?:me|${PERSON} ${BODY})|(?:first|second|third)[- ]degree burns?|scald(?:ed|ing)`],
  ['safety', 45, 'electric shock', 'electrocut(?:ed|ion)|electric(?:al)? shock'],
  ['safety', 40, 'choking', 'chok(?:ed|ing) (?:hazard|on)|choking'],
  ['safety', 30, 'got sick', `(?:got|get|getting|gotten|became|been|fell|was|were) (?:really |so |very )?sick(?! (?:of|and tired))|made (?:me|us|\\w+ \\w+|him|her|them|everyone) (?:really |so |very )?sick|sick (?:after|from) (?:eating|drinking)|threw up|throwing up|vomit(?:ing|ed)?|diarrh(?:ea|oea)|stomach (?:ache|pain|cramps|bug)|(?:was|were|been) poisoned`],
  ['safety', 30, 'cut my finger', `cut ${PERSON} (?:hand|finger|fingers|lip|mouth|thumb)|sliced ${PERSON} (?:hand|finger|thumb)`],
  ['safety', 45, 'death', 'died|death|deaths|killed|fatal(?:ity|ities)?', 'literal'],
  ['safety', 30, 'recall', '(?:product |safety |massive |voluntary )?recall(?:ed)? (?:of|on|notice)|(?:issued|issue|announced|announce|under) (?:a )?recall|recalled (?:\\w+ )?(?:products?|cars?|vehicles?|items?|batch|lot)|(?:being|been|be) recalled|needs? (?:to be|a) recall'],
  ['safety', 25, 'unsafe', 'unsafe|dangerous(?!ly)|hazardous|safety (?:issue|hazard|concern|risk)|toxic|carcinogen(?:ic)?|poisonous'],
  // data_breach
  ['data_breach', 60, 'data breach', '(?:data|security|privacy) breach(?:es)?|breach(?:ed)? (?:of )?(?:my |our |customer |user |personal )?(?:data|information|info|privacy)'],
  ['data_breach', 60, 'personal data leaked', `(?:personal|customer|user|credit card|card|payment|private|my|our) ${DATA} (?:(?:was|were|has been|have been|got|being|been) )?(?:leaked|exposed|stolen|compromised|sold|published|breached)`],
  ['data_breach', 35, 'leaked', `${DATA} (?:\\w+ ){0,3}(?:leaked|leak)|leaked (?:\\w+ ){0,2}${DATA}`],
  ['data_breach', 45, 'hacked', '(?:account|accounts|email|password|card|profile|page|system|database|server|servers|site|website) (?:was |were |got |has been |have been |been |being |is )?(?:hacked|compromised|breached)|hacked (?:my|our|into)|(?:got|been|was|were) hacked|hackers?', 'literal'],
  ['data_breach', 50, 'identity theft', 'identity theft|identity (?:was )?stolen|stole my identity|fraudulent (?:charges?|transactions?|account|activity)|unauthori[sz]ed (?:charges?|transactions?|access|purchases?|payments?|logins?|use)'],
  ['data_breach', 25, 'phishing', 'phishing|spoof(?:ed|ing)'],
  ['data_breach', 20, 'security flaw', 'security (?:hole|flaw|vulnerability|issue|problem|risk)|vulnerabilit(?:y|ies)'],
  // outage
  ['outage', 35, 'outage', 'outages?|service (?:disruption|interruption)|(?:site|app|website|server|servers|service|system|systems|network|internet|wifi|wi-fi|platform|portal|checkout|login|cable|power|phone lines?|signal) (?:is |was |are |were |has been |have been |keeps (?:going|being) |went |goes |been |still |all )?(?:down|offline|out)|down again|no (?:service|signal|internet|connection|power|wifi|wi-fi)'],
  ['outage', 25, 'not loading', "(?:won't|wont|will not|doesn't|does not|isn't|is not|not|keeps not) (?:load|loading|open|opening|connect|connecting|sync|syncing|stream|streaming|log me in)|(?:can't|cant|cannot|unable to) (?:log ?in|login|sign ?in|connect|access|load|check ?out|stream|complete)|keeps? (?:crashing|freezing|logging me out|buffering|disconnecting|dropping)|(?:app|site|website|page|game|server|system|phone|tv) (?:keeps |is |has |just )?(?:crash(?:ing|ed|es)?|froze|freez(?:es|ing))|error (?:code|message)s?|server errors?|gateway error|(?:error|code) \\d{3,4}"],
  ['outage', 30, 'payment failed', "payment (?:failed|failure|declined|error|issue|problem|not going through|won't go through|didn't go through)|(?:card|transaction|order) (?:was |got |keeps getting |keeps being )?declined|checkout (?:error|issue|problem|broken|not working)"],
  ['outage', 40, 'double charged', 'double[- ]?charged|charged (?:me )?(?:twice|two times|double|three times)|billed (?:me )?(?:twice|two times|double)|duplicate (?:charges?|payments?|transactions?)'],
  // rude_service
  ['rude_service', 30, 'rude', 'rude(?:ly|ness|st)?|impolite|disrespect(?:ful|ed)?|condescending|belittl(?:ed|ing)|patroni[sz]ing|obnoxious|arrogant'],
  ['rude_service', 20, 'unprofessional', 'unprofessional'],
  ['rude_service', 30, 'hung up on me', '(?:got |get |getting |been |was )?hung up on(?: (?:me|us|my \\w+))?|hang(?:s|ing)? up on (?:me|us)|yell(?:ed|ing) at (?:me|us|my \\w+)|scream(?:ed|ing) at (?:me|us)|(?:swore|cursed) at (?:me|us)|laughed at (?:me|us)|insult(?:ed|ing) (?:me|us)|rolled (?:her|his|their) eyes|(?:attitude (?:problem|issue)|bad attitude)|treated (?:me|us) (?:like|badly|poorly)|treated like (?:dirt|garbage|trash|crap|criminals?|a criminal)'],
  ['rude_service', 25, 'poor service', '(?:poor|bad|awful|terrible|horrible|worst|shocking|appalling|lousy|pathetic|disgraceful|abysmal|horrendous) (?:customer )?(?:service|support|staff|employees?|manager|management|communication)'],
  // false_advertising
  ['false_advertising', 40, 'false advertising', 'false(?:ly)? advertis(?:ing|ed|ement)|false advert|deceptive (?:advertising|marketing|practices?)|bait (?:and|&|n) switch|misleading|misled|false claims?|lied about|lying about|fake (?:sale|discount|deal|promotion)s?|clickbait'],
  ['false_advertising', 30, 'not as described', 'not as (?:described|advertised|pictured|shown|promised|stated)|(?:looks|look|looked|looking) nothing like (?:the )?(?:picture|photo|pic|ad|advert|advertisement|image|website|description)|different from (?:the )?(?:picture|photo|ad|description)|shrinkflation|smaller than advertised'],
  ['false_advertising', 35, 'counterfeit', 'counterfeit|knock-?offs?|fake (?:product|item|goods|brand)'],
  ['false_advertising', 35, 'undisclosed ad', "undisclosed (?:ad|ads|sponsorship|partnership|paid)|(?:didn't|did not|never) disclose"],
  // refund_billing
  ['refund_billing', 40, 'refund denied', "refund (?:was |got |has been )?(?:denied|refused|rejected|declined)|(?:refused|refuse|refuses|refusing|denied|declined|rejected) (?:my |our |a |to )?(?:give (?:me |us )?(?:a |my )?)?refund|no refunds?|(?:won't|wouldn't|will not|would not|didn't|did not|can't|cannot) (?:give (?:me |us )?(?:a |my )?|issue (?:a |my )?|process (?:a |my |the )?)?refund"],
  ['refund_billing', 30, 'still no refund', "(?:still (?:no|waiting (?:for|on))|waiting (?:for|on)|haven't (?:got|gotten|received)|never (?:got|received)|where(?:'s| is)) (?:my|a|the|our) refund"],
  ['refund_billing', 10, 'refund', 'refund(?:s|ed)?'],
  ['refund_billing', 30, 'overcharged', 'over-?charg(?:ed|ing)|overbill(?:ed|ing)|hidden (?:fees?|charges?)|surprise (?:fees?|charges?|bill)|still (?:being )?charg(?:ed|ing) (?:me )?(?:after|even)|charged (?:me )?(?:after (?:i|we) cancel)'],
  ['refund_billing', 25, "can't cancel", "(?:can't|cannot|unable to|won't let (?:me|us)|impossible to) cancel|cancel(?:l?ation)? (?:request )?(?:ignored|denied|refused)"],
  ['refund_billing', 30, 'chargeback', 'chargebacks?|dispute (?:the|this) (?:charge|transaction)'],
  ['refund_billing', 25, 'took my money', "(?:want|need|demand|get) (?:my|our) money back|give (?:me|us) (?:my|our) money back|(?:took|stole|stealing) (?:my|our|people's) money"],
  // legal
  ['legal', 50, 'class action', 'class[- ]action'],
  ['legal', 45, 'lawsuit', 'lawsuits?|legal action|take (?:you|them|this) to court|small claims(?: court)?'],
  ['legal', 40, 'sue', "(?:going to|gonna|will|i'll|ill|we'll|plan to|planning to|about to|could|should|want to|i'm|im) sue|(?:sue|suing) (?:you|them|the|your|this|for|over|him|her)|sued|suing"],
  ['legal', 30, 'lawyer', 'lawyers?|attorneys?|legal (?:counsel|team|advice|department)|solicitors?'],
  ['legal', 30, 'regulator', '(?:report(?:ed|ing)?|complain(?:ed|ing)?|file (?:a )?complaint|filed (?:a )?complaint) (?:you |them |this |it )?(?:to|with) (?:the )?(?:bbb|better business bureau|ftc|fda|fcc|cfpb|attorney general|trading standards|ombudsman|authorities|police|consumer (?:protection|affairs|council|watchdog)|health department|department of health|ofcom|ofgem)|bbb|better business bureau|trading standards|ombudsman|consumer protection|attorney general|health (?:department|inspector)'],
  ['legal', 30, 'illegal', 'illegal(?:ly)?|unlawful|fraud(?:ulent)?|breach of contract|violat(?:ed|ion|ing) (?:my |our |the )?(?:rights|law|privacy|contract|terms|gdpr|hipaa)'],
  // boycott
  ['boycott', 45, 'boycott', 'boycott\\w*'],
  // astroturfing
  ['astroturfing', 45, 'fake reviews', 'fake (?:reviews?|ratings?|accounts?|followers?|testimonials?)|paid (?:reviews?|reviewers?|shills?)|astroturf(?:ing|ed)?|shill(?:s|ing|ed)?|bot (?:accounts?|reviews?|farm)|review (?:manipulation|bombing|farm)|manipulat(?:ed|ing) (?:the )?(?:reviews?|ratings?)|sock ?puppets?'],
  // discrimination
  ['discrimination', 50, 'racist', 'racis(?:t|m)|racially|racial (?:profiling|slur|abuse|discrimination)|slurs?'],
  ['discrimination', 45, 'discrimination', 'discriminat(?:ion|ed|ing|ory|es)'],
  ['discrimination', 40, 'sexist', 'sexis(?:t|m)|misogyn(?:y|ist|istic)|homophob(?:ic|ia)|transphob(?:ic|ia)|xenophob(?:ic|ia)|ableis(?:t|m)|bigot(?:ed|ry|s)?|antisemit(?:ic|ism)|islamophob(?:ic|ia)'],
  ['discrimination', 45, 'harassment', "(?:sexual(?:ly)? )?harass(?:ed|ment|ing)|groped|inappropriate(?:ly)? touch(?:ed|ing)?|profil(?:ed|ing) (?:me|us)|followed (?:me|us) around|because (?:i'm|im|i am|we're|we are|she's|he's|they're) (?:black|asian|muslim|gay|trans|a woman|female|disabled|foreign|an immigrant|hispanic|latino|latina|mexican|indian|jewish)"],
  // defect
  ['defect', 35, 'defective', 'defect(?:ive|s)?|faulty|malfunction(?:ing|ed|s)?|dead on arrival|doa'],
  ['defect', 30, 'stopped working', "stop(?:ped|s)? working|(?:doesn't|does not|didn't|did not|won't|will not|isn't|is not|not|never|barely|no longer) (?:work|works|working|worked|turn on|turning on|charge|charging|hold a charge|power on|start)|quit working|died after (?:\\w+ ){0,2}(?:days?|weeks?|months?|uses?)|(?:only|barely) (?:lasted|worked) (?:\\w+ )?(?:days?|weeks?|months?)"],
  ['defect', 25, 'broken', 'broken|broke (?:down|after|within|on|in)|damaged|cracked|shattered|smashed|dented|snapped|fell apart|falling apart|came apart|came off|fell off|split (?:open|in half)'],
  ['defect', 20, 'poor quality', '(?:poor|bad|cheap|terrible|awful|shoddy|low|crappy) (?:quality|build|workmanship|construction|materials?|performance|battery life|results?)|cheaply made|flimsy|piece of (?:junk|crap|garbage|trash|shit)|junk'],
  ['defect', 20, 'battery dies', 'battery (?:go|goes|went|going|keeps going|is going) dead|battery (?:drains?|draining|dies|dying) (?:so |really |too )?(?:fast|quickly)'],
  ['outage', 15, 'crashes', 'crash(?:es|ed|ing)'],
  ['defect', 15, 'ripped', 'ripped|torn|peeling|leak(?:s|ing|ed|y)'],
  ['defect', 15, 'bug', 'bugs?|buggy|glitch(?:es|y|ed|ing)?'],
  // delivery
  ['delivery', 30, 'never arrived', "never (?:arrived|came|showed up|received|got (?:it|my|the|our)|delivered|shipped)|(?:didn't|did not|hasn't|has not|haven't|have not|still (?:hasn't|has not|haven't|have not|not)) (?:arrived|come|shown up|received|been (?:delivered|shipped|dispatched)|got (?:it|my|the|our))|(?:package|parcel|order|delivery|shipment|luggage|bag|bags|suitcase) (?:(?:is|was|has been|got|went) )?(?:missing|lost|stolen|not delivered)|lost (?:my|our|the|his|her) (?:packages?|parcels?|orders?|luggage|bags?|suitcases?|delivery|shipment)|(?:hasn't|has not|haven't|have not|still not|not yet|still hasn't) (?:been )?(?:shipped|dispatched|despatched)|still waiting (?:for|on) (?:my|our|the) (?:order|package|parcel|delivery|shipment|item)"],
  ['delivery', 20, 'late delivery', "late (?:delivery|deliveries|shipment|arrival)|delivery (?:was |is )?(?:late|delayed)|delayed (?:my |the |our )?(?:delivery|order|shipment|package|flight)|(?:flight|train|order|package|shipment) (?:was |is |got |has been )?(?:delayed|cancell?ed)|shipping (?:is |was )?(?:so )?(?:slow|late|delayed)|(?:days?|weeks?) late|where(?:'s| is) my (?:order|package|parcel|delivery|stuff)"],
  ['delivery', 25, 'wrong item', 'wrong (?:item|items|order|size|colou?r|product|package|parcel|thing)|missing (?:items?|parts?|pieces?|from my order)|(?:incomplete|partial) (?:order|delivery)|sent (?:me )?the wrong'],
  // other: general negativity and complaint tone
  ['other', 25, 'worst', 'worst(?![- ]case)'],
  ['other', 20, 'terrible', 'terrible|horrible|horrendous|awful|atrocious|appalling|abysmal|dreadful|disgusting|disgraceful|shocking|outrageous|shameful|pathetic|lousy|crappy|shitty|sucks|sucked'],
  ['other', 20, 'disappointed', 'dis+ap+oint(?:ed|ing|ment|s)?|let ?down|letdown|unimpressed|not impressed|not happy|nothappy|unhappy|dissatisfied|not satisfied'],
  ['other', 15, 'not helpful', 'not (?:very |at all )?helpful|unhelpful|no help(?! needed)'],
  ['other', 30, 'scam', 'scam(?:med|mers?|s|my)?|fraudsters?|con artists?'],
  ['other', 25, 'rip-off', 'rip-?off|ripped (?:me |us )?off|daylight robbery'],
  ['other', 25, 'never again', "never again|never (?:buying|shopping|ordering|using|flying|eating|staying|going|coming|recommending) (?:\\w+ )?(?:again|from|with|at|here|there)|won't be (?:back|returning|buying|ordering|shopping|using)|do not (?:buy|order|recommend)|don't (?:waste|bother)|avoid (?:at all costs|this|them|like the plague)|stay away"],
  ['other', 20, 'unacceptable', 'unacceptable|inexcusable|incompetent|incompetence|useless|worthless|what a joke'],
  ['other', 12, 'ridiculous', 'ridiculous|absurd'],
  ['other', 15, 'angry', 'angry|furious|livid|pissed(?: off)?|fuming|outraged|infuriat(?:ed|ing)|fed up|sick (?:and tired )?of|frustrat(?:ed|ing|ion)|annoy(?:ed|ing)|irritat(?:ed|ing)|aggravat(?:ed|ing)|upset|mad at'],
  ['other', 20, 'waste of money', 'waste of (?:money|time|my time|cash)|wasted (?:my |our )?(?:money|time)|not worth (?:it|the money|the price)|overpriced'],
  ['other', 12, 'complaint', 'complain(?:t|ts|ing|ed)?'],
  ['other', 15, 'shame on you', 'shame on (?:you|them)|disgrace(?:ful)?|embarrassing|embarrassment'],
  ['other', 20, 'nightmare', 'nightmare|(?:bad|terrible|awful|horrible|worst|poor) experience'],
  ['other', 10, 'wtf', 'wtf|smh|ffs|what the (?:hell|heck|fuck|f)|are you (?:kidding|serious|joking)|unbelievable|you had one job|fail(?:ed|s|ure)?'],
  ['other', 10, 'hate', 'i hate|hate (?:you|this|it|your|that)|hated it'],
  ['other', 10, 'profanity', 'fuck(?:ing|ed|s)?|f\\*+k|shit|crap|bullshit'],
];
