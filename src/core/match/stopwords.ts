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
  republican republicans socialist socialists
  universal paramount regal marvel disney pixar netflix twitter meta alphabet square block snap pinterest zoom slack
  corona modelo sol luna tierra mar rio casa perro gato agua fuego playa ciudad pueblo nueva nuevo norte sur este oeste
  paz amor esperanza gloria rosa blanca dolores mercedes pilar soledad luz cruz reyes santos angeles
  estado estados gobierno presidente ejercito policia iglesia banco plaza calle camino monte sierra valle
  bien mal todo nada mas menos entre sobre bajo desde hasta para por con sin
  crane swan finch sparrow robin wren martin jay raven crow dove hawk
  chase wells fargo capital discover visa mastercard ally citizens regions truist huntington
  target costco kroger walgreens safeway publix staples sears gap express limited coach guess`
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
  breaking update updated read more photo screenshot video watch exclusive opinion analysis editorial`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case particles allowed inside proper names. */
export const NAME_PARTICLES = new Set(
  'de del della der den di da das dos du la le van von al el bin bint ibn y zu ten ter'.split(' '),
);

/** Name suffixes skipped when deriving a surname. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq']);
