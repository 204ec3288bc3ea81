// Built-in lists of common words. An alias that is one of these words (Apple, May, Jordan…) is only
// matched when the entity's context words or co-occurring entities support it; NEVER words (Will,
// May as a modal…) are never matched as bare one-word aliases. Names with several words are not affected.

/** Never matched as a bare one-word alias (modal verbs, pronouns, function words). */
export const NEVER_WORDS = new Set(
  `will may can shall might must would could should the a an and or but not no yes this that these those it its he she
  we they you i me him her them his our their my your who what when where why how here there then than so as at by for
  from in into of off on onto out over to up with without be is are was were been being do does did done have has had
  all any some each every both either neither one two three first last new old more most less very also just only even
  still again ever never now today tonight yesterday tomorrow said says say`
    .split(/\s+/)
    .filter(Boolean),
);

/** Names of institutions that many countries and states have ("General Assembly" is the UN's, North
 *  Carolina's and Georgia's legislature): like STOP_WORDS, they need context support. */
export const GENERIC_INSTITUTIONS = new Set(['general assembly', 'national assembly', 'air force', 'coast guard', 'supreme court', 'national guard', 'democratic party', 'republican party', 'conservative party', 'labour party', 'marine corps', 'security council', 'house of representatives',
  'constitutional court', 'house of commons', 'state council', 'constitutional council', 'federation council', 'federal council',
  'national congress', 'high court', 'central bank', 'federal constitutional court', 'joint chiefs', 'joint chiefs of staff',
  'department of justice', 'department of defence', 'department of health', 'department of education',
  'ministry of justice', 'ministry of defence', 'ministry of defense', 'foreign office', 'foreign ministry',
  'defence ministry', 'defense ministry', 'finance ministry', 'interior ministry', 'health ministry',
  'national security council', 'liberal party', 'workers party', 'camara de diputados', 'senado de la republica',
  'suprema corte', 'social democrats', 'liberal democratic party', 'communist party', 'election commission', 'socialist party', 'people s party', 'popular party']);

/** An institution name that many countries use: one of INSTITUTION_WORDS, or one of GENERIC_INSTITUTIONS
 *  (tokens as tokenizePhrase gives them, any case). */
export function isInstitutionName(tokens: readonly string[]): boolean {
  if (tokens.length === 1) return INSTITUTION_WORDS.has(tokens[0]!.toLowerCase());
  return GENERIC_INSTITUTIONS.has(tokens.join(' ').toLowerCase());
}

/** Common English/Spanish words that are also names of entities: need context support. */
export const STOP_WORDS = new Set(
  `apple amazon target shell sun mercury mark bill rose turkey chad jordan georgia china india japan chile niger guinea
  panama peru cuba malta jersey victoria florence lincoln washington dodge ford jaguar puma nike oracle windows office
  word excel edge chrome safari opera delta united american southwest frontier spirit virgin ups fox sky time fortune
  people vogue mirror guardian independent observer times post sun star globe express herald tribune telegraph
  nation republic union congress senate house court state church army navy police government president king queen
  prince princess pope bishop general major captain colonel sergeant judge justice minister governor mayor senator
  hope faith grace joy glory charity trinity destiny harmony summer autumn winter spring april june august march
  may august sunday monday tuesday wednesday thursday friday saturday january february september october november december
  christmas easter north south east west central northern southern eastern western
  bush brown green white black gray grey young king price rice wood woods hill hills rivers river lake lakes field fields
  stone stones banks bank bell bells cook cooks baker bakers carpenter miller mills smith smiths page pages day days knight
  wolf fox bird lamb bass pike fish fisher hunter hunt ward hall walls wall gates gate porter cash gold silver golden
  love lovely sweet sharp strong long short little small large tall swift quick fast rich poor wise hardy moody noble
  may june lane street road way park parks ash oak pine reed rush moss heath marsh ford forest grove
  bloom blossom flower daisy lily iris ivy holly hazel olive ruby pearl amber jade crystal coral violet jasmine
  angel angels saint saints giant giants eagle eagles bull bulls bear bears lion lions tiger tigers hawk hawks
  jet jets heat magic nets suns kings thunder blazers pistons rockets spurs warriors wizards hornets raptors
  patriot patriots chief chiefs ram rams cardinal cardinals raven ravens dolphin dolphins colt colts brave braves
  ranger rangers red reds royal royals pirate pirates tiger twins mariner mariners giant dodgers ray rays
  genesis exodus kings judges acts numbers
  will bill pat sue rob bob don art ray guy max sky dawn eve april crystal summer autumn hunter chase cash
  amazon nile congo orange lima chili cayenne champagne cologne java ceylon bordeaux burgundy madeira havana
  polish turkish french dutch german swiss danish
  monsoon storm tempest eagle falcon kestrel phoenix sphinx titan atlas apollo zeus mars venus saturn jupiter pluto
  columbia liberty freedom justice unity progress reform labour labor green greens conservative liberal democrat democrats
  liberals diet marines nationals leo socialists renaissance lords berkshire bloc
  republican republicans socialist socialists
  universal paramount regal marvel disney pixar netflix twitter meta alphabet square block snap pinterest zoom slack
  corona modelo sol luna tierra mar rio casa perro gato agua fuego playa ciudad pueblo nueva nuevo norte sur este oeste
  paz amor esperanza gloria rosa blanca dolores mercedes pilar soledad luz cruz reyes santos angeles
  estado estados gobierno presidente ejercito policia iglesia banco plaza calle camino monte sierra valle
  bien mal todo nada mas menos entre sobre bajo desde hasta para por con sin
  crane swan finch sparrow robin wren martin jay raven crow dove hawk
  chase wells fargo capital discover visa mastercard ally citizens regions truist huntington
  target costco kroger walgreens safeway publix staples sears gap express limited coach guess
  fed navy`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that do not start or make up a proper name on their own (unknown-name detection). */
export const COMMON_CAPITALISED = new Set(
  `the a an this that these those there here it its he she we they i you his her our their my your
  in on at by for from with without to of and or but if when while after before since during as so yet
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mr mrs ms dr gen general president secretary minister senator sen rep
  governor gov commander chief director acting assistant deputy prime vice former late lt col maj capt sgt adm
  king queen prince princess pope saint st mount mt however meanwhile moreover also then now today yesterday
  according despite although though because since while whether both each every all some many most several
  breaking update updated read more photo screenshot video watch exclusive opinion analysis editorial
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty dozens hundreds thousands few other local senior top
  fellow leading veteran moderate`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case particles allowed inside proper names. */
export const NAME_PARTICLES = new Set(
  'de del della der den di da das dos du la le van von al el bin bint ibn y zu ten ter'.split(' '),
);

/** Name suffixes skipped when deriving a surname. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq']);

/** Capitalised words that may stand right before or after a name without forming a longer name with it:
 *  titles and roles ("President Xi", "Apple CEO"), calendar words, and words that start sentences. */
export const NAME_NEIGHBOURS = new Set(
  `leader leaders speaker chair chairman chairwoman chairs spokesman spokeswoman spokesperson ceo cfo coo founder
  justice judge ambassador envoy commissioner premier chancellor mayor sheikh emir sultan crown rabbi cardinal bishop
  father sister dame sir lord lady miss prof professor doctor coach captain officer agent detective sergeant corporal
  lieutenant colonel admiral marshal inspector superintendent head minority majority whip attorney counsel treasurer
  delegate representative congressman congresswoman councilman councilwoman councillor alderman prosecutor
  administrator ministers secretaries officials official spokesmen chairmen director directors staff adviser advisor
  czar archbishop ayatollah administration government cabinet campaign presidents senators governors mayors generals
  mp mps msp msps mep meps mla mlas td tds hosts holders champions favourites favorites rivals
  under within inside outside against among amid amidst between beyond through throughout toward towards unlike like
  via per following including near behind above below upon until unless once across along around about
  only even just perhaps maybe instead indeed still yet thus hence otherwise besides nor neither either not
  why how what who which whose whom let ask asked says said tell told is was will can could would should does did has had
  are were do shall may might must if where whereas once unlike beside alongside inside outside over
  no yes oh well so but and or for because though although while meanwhile nonetheless nevertheless
  later earlier then finally separately instead also last next first second third afterwards afterward soon
  again here there sometimes often never always already together overall elsewhere nearby abroad likewise
  similarly still otherwise anyway whatever whenever wherever however
  en el la los las lo de del y e o u por para con sin desde hasta segun tras entre sobre al un una unos unas
  ante bajo contra durante hacia mediante como cuando donde pero tambien ademas asimismo aunque si no ya
  le les des du au aux dans pour avec sur sous chez mais ou et
  der die das den dem des im am vom zum zur und mit fur von bei nach aus auf
  em na no nos nas da do dos das um uma pelo pela com sem ao`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words before a one-word alias that mark a common-noun use ("the Amazon", "the other Jordan"). */
export const DETERMINERS = new Set('the a an another other every each this these those any no some'.split(' '));
// ("that" is left out: far more often the conjunction, "said that China …", than the determiner)

/** Lower-case locative prepositions: "in Sinaloa", "en Sinaloa" favour a place reading. */
export const LOCATIVES = new Set('in en across throughout inside within into near'.split(' '));

/** Name + following lower-case word that together make a common noun ("Brazil nuts", "Panama hat"). */
export const COMMON_COMPOUNDS = new Map<string, Set<string>>(
  (
    [
      ['brazil', 'nut nuts'],
      ['sudan', 'virus'],
      ['treasury', 'yield yields bond bonds note notes bill bills securities market markets auction auctions'],
      ['brussels', 'sprout sprouts'],
      ['panama', 'hat hats'],
      ['guinea', 'pig pigs fowl worm'],
      ['jordan', 'almond almonds'],
      ['chile', 'pepper peppers powder flakes relleno rellenos'],
      ['china', 'clay cabinet cabinets doll dolls plate plates'],
      ['india', 'ink rubber'],
      ['jersey', 'cow cows'],
      ['french', 'fries fry toast horn press kiss'],
      ['swiss', 'cheese chard roll'],
      ['amazon', 'rainforest rain forest river basin jungle land lands region fires deforestation'],
      ['turkey', 'sandwich breast'],
      ['boston', 'terrier fern'],
      ['labrador', 'retriever'],
      ['afghan', 'hound rug'],
      ['peking', 'duck'],
      ['venetian', 'blind blinds'],
      ['arabic', 'numerals'],
      ['trojan', 'horse'],
      // "CPC Blend": the crude grade, not the pipeline consortium (written capitalised)
      ['cpc', 'blend'],
      // "AP classes": Advanced Placement, not the Associated Press
      ['ap', 'class classes exam exams course courses credit credits test tests'],
      // "ICE vehicles": internal combustion engines, not the immigration agency
      ['ice', 'vehicle vehicles model models car cars engine engines powertrain powertrains truck trucks'],
      // "the MIT license": the software licence, not the institute
      ['mit', 'license licence licensed'],
    ] as [string, string][]
  ).map(([k, v]) => [k, new Set(v.split(' '))]),
);

/** Lower-case occupations that, right before a person name, describe someone other than a KB person
 *  unless the person's titles or context contain the word ("anchor John Roberts" ≠ the Chief Justice). */
export const ROLE_NOUNS = new Set(
  `anchor host presenter newsreader chef cook baker builder contractor plumber electrician carpenter owner
  restaurateur shopkeeper landlord actor actress singer rapper musician comedian guitarist drummer dancer model
  player striker midfielder defender goalkeeper quarterback pitcher farmer teacher student nurse pastor priest
  novelist poet painter sculptor photographer filmmaker influencer youtuber streamer barber waiter bartender
  driver cabbie mechanic retiree pensioner shopper resident neighbour neighbor lawyer attorney member fitter welder
  machinist superintendent`
    .split(/\s+/)
    .filter(Boolean),
);

/** Generic institution words (many countries have a Senate, a House, a Congress): as one-word aliases they
 *  always need context, even when capitalised in running text. */
export const INSTITUTION_WORDS = new Set(
  `nation republic union congress senate house court state church army navy police government parliament assembly
  council cabinet treasury ministry administration commission party senado congreso parlamento asamblea`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised heads of "X of <name>" names that are not the name itself: "Gulf of Mexico", "Bank of Japan",
 *  "University of Georgia". */
export const OF_HEADS = new Set(
  `gulf sea bay strait straits isle isles island islands cape lake river mount mountains coast bank university college
  school institute museum church cathedral diocese archdiocese duke duchess earl prince princess order port city lady
  county district province republic kingdom commonwealth federation league
  ciudad golfo banco universidad estado mar isla islas puerto provincia colegio instituto escuela museo constitucion
  constitution canal
  avenue street road boulevard square plaza paseo avenida calle calzada colonia glorieta parque court justice
  trust distrito
  association society union council front movement alliance commission board authority agency service bureau
  foundation fund chamber party organisation organization academy centre center corporation company asociacion
  forces guard police committee ministry department army navy library museum tour`
    .split(/\s+/)
    .filter(Boolean),
);

/** Party members written after a US state's name ("a Georgia Democrat"): the state's, not a longer name. */
export const PARTY_MEMBER_WORDS = ['democrat', 'democrats', 'republican', 'republicans'];
