package quotes_test

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
	"github.com/advosearch/advosearch/quotes"
)

// recognizer returns the Recognizer the indexer uses, with the shipped
// tagger: speakers are resolved through the names it finds.
// checkLastSpeaker checks the speaker of the last quotation found in text,
// and that every quotation's offsets point at its words.
func checkLastSpeaker(t *testing.T, rec *entities.Recognizer, text, want string) {
	t.Helper()
	got := quotes.Extract(text, rec.Find(text))
	checkOffsets(t, text, got)
	if len(got) == 0 {
		t.Fatalf("no quotation found in %q", text)
	}
	if q := got[len(got)-1]; q.Speaker != want {
		t.Errorf("speaker of %q: got %q, want %q", q.Text, q.Speaker, want)
	}
}

func recognizer(t testing.TB) *entities.Recognizer {
	t.Helper()
	m, err := entities.LoadDefault()
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	rec, err := entities.NewRecognizer(m)
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	return rec
}

// checkOffsets fails unless every quotation's offsets point at its Text.
func checkOffsets(t *testing.T, text string, got []quotes.Quote) {
	t.Helper()
	for _, q := range got {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
			t.Errorf("offsets [%d:%d] do not give Text %q", q.Start, q.End, q.Text)
		}
	}
}

func texts(qs []quotes.Quote) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

func TestExtract_marks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly double", `He said “we will not give up now” today.`, []string{"we will not give up now"}},
		{"curly single", `He said ‘we will not give up now’ today.`, []string{"we will not give up now"}},
		{"straight double", `He said "we will not give up now" today.`, []string{"we will not give up now"}},
		{"straight single", `He said 'we will not give up now' today.`, []string{"we will not give up now"}},
		{"guillemets with spaces", `Elle a dit « nous ne céderons jamais rien » hier.`, []string{"nous ne céderons jamais rien"}},
		{"low-9 double", `Sie sagte „wir geben niemals auf jetzt“ gestern.`, []string{"wir geben niemals auf jetzt"}},
		{"Dutch double commas", `Hij zei ,,wij geven het nooit op'' gisteren.`, []string{"wij geven het nooit op"}},
		{"double commas inside a word list are no mark", `a,,b and c,, d e f g'' h`, nil},
		{"two quotations", `“one two three four,” he said. “five six seven eight”`, []string{"one two three four,", "five six seven eight"}},
		{"under four words", `a “colour revolution” and ‘must close’ and "three short words"`, nil},
		{"apostrophes inside single", `‘Hun Sen’s party doesn’t listen to NGOs,’ she said.`, []string{"Hun Sen’s party doesn’t listen to NGOs,"}},
		{"plural possessive inside single", `‘The NGOs’ reports are all lies,’ he said.`, []string{"The NGOs’ reports are all lies,"}},
		{"apostrophes outside quotes", `Hun Sen’s government ignored the NGOs’ requests; it’s the Party's choice.`, nil},
		{"straight apostrophes inside straight single", `'The Party's view isn't ours at all,' she said.`, []string{"The Party's view isn't ours at all,"}},
		{"nested keeps outer only", `“They told us, ‘you will all be arrested tomorrow,’ and left,” he said.`, []string{"They told us, ‘you will all be arrested tomorrow,’ and left,"}},
		{"nested straight singles", `'They 'advance economic development' at our cost,' she said.`, []string{"They 'advance economic development' at our cost,"}},
		{"unclosed at paragraph break", "He said: “we will not give up now\n\nNext paragraph with “four words in here” too.", []string{"four words in here"}},
		{"blank line with spaces", "He said: “we will not give up now\n \u00a0\nNext “four words in here” too.", []string{"four words in here"}},
		{"stray closing mark", `the detention.”[1] It violates “against any violence or threats” too.`, []string{"against any violence or threats"}},
		{"inner promoted when outer unclosed", "Open “ and then ‘a real quote of words’ here.\n\nEnd.", []string{"a real quote of words"}},
		{"curly opening, straight closing", `He said “we will not give up now". Then he left.`, []string{"we will not give up now"}},
		{"straight opening, curly closing", `"We will not give up now,” he said.`, []string{"We will not give up now,"}},
		{"quotation running on into the next paragraph", "“We are tired of all this.\n\n“We will not give up now,” he said.", []string{"We are tired of all this.", "We will not give up now,"}},
		{"unclosed mark mid-paragraph is still dropped", "He said “we are tired of all this.\n\n“We will not give up now,” he said.", []string{"We will not give up now,"}},
		{"single line break inside", "allegations that it was “created by and under \nconcealed influence of foreigners” and", []string{"created by and under \nconcealed influence of foreigners"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotes.Extract(tt.text, nil)
			checkOffsets(t, tt.text, got)
			if g := texts(got); strings.Join(g, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

func TestExtract_unbalancedCap(t *testing.T) {
	long := strings.Repeat("word and more words ", 100) // 2,000 bytes
	text := "He said “" + long + "and then “a later quote of words” ends."
	got := quotes.Extract(text, nil)
	checkOffsets(t, text, got)
	if g := texts(got); len(g) != 1 || g[0] != "a later quote of words" {
		t.Errorf("got %q, want only the later quotation", g)
	}
}

func TestExtract_invalidUTF8(t *testing.T) {
	text := "He said “\xff\xfe we will \xc3 not give up\xe2\x80” and ‘\x80 there are four words here\xe2\x80\x99 "
	// Names that are not this text's: invalid UTF-8, and places outside it.
	names := entities.Names{
		{Canonical: "\xffBad Name", Kind: entities.Person, Start: 3, End: 400},
		{Canonical: "\xc3", Kind: entities.Org, Start: -5, End: 2},
		{Canonical: "Backwards", Kind: entities.Org, Start: 9, End: 4},
	}
	got := quotes.Extract(text, names)
	checkOffsets(t, text, got)
	if len(got) != 2 {
		t.Errorf("got %d quotations, want 2: %q", len(got), texts(got))
	}
}

func TestExtract_speaker(t *testing.T) {
	rec := recognizer(t)
	tests := []struct {
		name, text, want string
	}{
		{"he said", "Hun Sen spoke on Sunday. “We will close them all down,” he said.", "Hun Sen"},
		{"said Ms Brooks", "The director, Sarah M Brooks, spoke first. “The Council must act on this now,” said Ms Brooks.", "Sarah M Brooks"},
		{"surname said", "The director, Sarah M Brooks, spoke first. “The Council must act on this now,” Brooks said.", "Sarah M Brooks"},
		{"X said colon", "Sarah M Brooks said: “The Council must act on this now.”", "Sarah M Brooks"},
		{"X said colon new paragraph", "Sarah M Brooks said:\n\n“The Council must act on this now.”", "Sarah M Brooks"},
		{"X told reporters that", "Hun Sen told reporters that “the NGO must close its doors.”", "Hun Sen"},
		{"X told them colon", "Hun Sen told garment workers: ‘the NGO must close its doors.’", "Hun Sen"},
		{"according to X", "According to Amnesty International, “the trial was a sham from the start.”", "Amnesty International"},
		{"according to X after", "“The trial was a sham from the start,” according to Amnesty International.", "Amnesty International"},
		{"X wrote", "Human Rights Watch wrote: “The trial was a sham from the start.”", "Human Rights Watch"},
		{"they wrote after org", "The Cambodian Center for Human Rights issued a reply. “We are independent of every party,” they wrote.", "Cambodian Center for Human Rights"},
		{"initials of org", "The Cambodian Center for Human Rights (CCHR) was named. CCHR said: “We are independent of every party.”", "Cambodian Center for Human Rights"},
		{"in a statement", "Amnesty International said in a statement that “the trial was a sham from the start.”", "Amnesty International"},
		{"stated that", "Hun Sen stated that “the NGO must close its doors.”", "Hun Sen"},
		{"added X", "“And the world must not look away,” added Naly Pilorge.", "Naly Pilorge"},
		{"X warned", "Naly Pilorge warned that “the crackdown will only get worse.”", "Naly Pilorge"},
		{"appositive", "Naly Pilorge, director of Human Rights Watch, said: “The crackdown will only get worse.”", "Naly Pilorge"},
		{"appositive role in capitals", "Irungu Houghton, Executive Director of Amnesty International Kenya, said: “Police must stop abducting protesters.”", "Irungu Houghton"},
		{"short sentence with a tag", "The opposition leader Carlos Mesa spoke. “We will appeal,” tweeted Carlos Mesa.", "Carlos Mesa"},
		{"short sentence after said colon", "The lawyer for the family, Tomás Vidal, said: “They were tortured.”", "Tomás Vidal"},
		{"a name set off by commas after its role", "“The authorities must act now,” Amnesty International’s regional director, Tigere Chagutah, said.", "Tigere Chagutah"},
		{"the group said", "Human Rights Watch urged the authorities to act. “The government must release them now,” the group said.", "Human Rights Watch"},
		{"l’organisation a déclaré", "La FIDH a condamné le verdict. L’organisation a déclaré : « Ce procès est une parodie de justice. »", "International Federation for Human Rights"},
		{"an organization's noun as an object speaks not", "Hun Sen spoke of the NGO, telling workers that CCHR “must close because they follow foreigners”.", "Hun Sen"},
		{"told names the listener", "Police fired tear gas. “We are not criminals,” one protester told Reuters.", ""},
		// A name before the verb, set off as a role's appositive or with a
		// role holding commas of its own: general patterns of news copy.
		{"role, X, said", "Police came late. “Nobody answered the phone,” a nurse at the clinic, Tomás Vidal, said.", "Tomás Vidal"},
		{"X, role with commas, said", "“We stayed at home this year,” Lena Brook, a baker from Dunmore, in the north of the valley, said.", "Lena Brook"},
		{"one of them, X, said", "“We were only singing,” one of the choir members, Aroha, said.", "Aroha"},
		{"X, of an org, said with initials", "“We need protection, not speeches,” J. K. Obeng, of the Harbour Workers Union, said.", "J. K. Obeng"},
		{"surname with a particle after Ms", "“Quiet felt safer,” Rosa D’Arcy, a teacher, said. “We prayed at home,” Ms D’Arcy said.", "Rosa D’Arcy"},
		// A family tie as the subject is the person the text introduced
		// with it, never the one the possessive points to.
		{"his sister said, introduced before", "“I cannot believe it,” his sister Mira Osei said. Tomás Vidal was freed, though his sister said his release would feel real when “his son arrives here from abroad”.", "Mira Osei"},
		{"his sister said, never introduced", "Tomás Vidal was freed on Monday. “We waited six years for this day,” his sister said.", ""},
		// A participle carries the subject on to a second quotation.
		{"adding that", "Minister Lena Brook described the deal as “a tiny but historic step for the region” adding that “the people will decide in a referendum.”", "Lena Brook"},
		{"expressed hope that", "Lena Brook spoke to the press. She expressed hope that “the talks on the release of the prisoners will succeed”.", "Lena Brook"},
		{"a second quotation of the same sentence", "Lena Brook spoke to the press. She expressed hope that “the talks on the prisoners” will succeed before the offensive in the south, “where most of the displaced people live now.”", "Lena Brook"},
		{"a second quotation after a name of its own", "Lena Brook said “the talks will succeed soon” while Tomás Vidal, “who has met every family in the camp,” stayed home.", ""},
		{"an unnamed speaker after a named one", "“This is not about one town,” Lena Brook said. “It is about the republic.”\n\nBishops spoke of fear. “Faith should not need any permission,” said a bishop in the north.", ""},
		// A definite noun for an organization stands for one the text
		// named, as a pronoun does.
		{"the group said", "Harbour Watch released a report on Monday.\n\n“The authorities must release everyone held,” the group said in a statement.", "Harbour Watch"},
		{"the ministry said, a ministry named", "The Ministry of Fisheries denied it. Harbour Watch disagreed. The ministry said that “every permit was issued lawfully.”", "Ministry of Fisheries"},
		{"the ministry said, none named", "Harbour Watch released a report. The ministry said that “every permit was issued lawfully.”", ""},
		{"a noun after a preposition is no subject", "Lena Brook said he hid money in the NGO, telling workers that Harbour Watch “must close because it follows foreigners”.", "Lena Brook"},
		{"which the institution said", "The National Council for Fishers asked for his release. The minister studied the petitions, which the institution said it had sent “in light of the health of the prisoners and their families”.", "National Council for Fishers"},
		{"a quotation running on into the next paragraph", "“The detention of journalists must end. The authorities have a duty to protect them.\n\n“We call on the government to release all those held,” said Maria Santos.", "Maria Santos"},
		{"credit after a dash", "“The people have spoken” — Samira Benali, Tunisian League for Human Rights.", "Samira Benali"},
		{"surname of the one named before", "Jose Ruben Zamora, founder of elPeriódico, was sentenced. “This is a political trial,” Zamora said. His son, Jose Zamora, spoke later.", "Jose Ruben Zamora"},
		{"title stripped", "Prime Minister Hun Sen said: “The NGO must close its doors.”", "Hun Sen"},
		{"Mr with full name", "“The NGO must close its doors,” Mr Hun Sen said.", "Hun Sen"},
		{"says X", "Says Amnesty International campaigner Naly Pilorge, 'This is a dark day for rights.'", "Naly Pilorge"},
		{"possessive skipped", "“This is a dark day for rights,” said Amnesty International’s Naly Pilorge.", "Naly Pilorge"},
		{"unknown name", "“This is a dark day for rights,” said John Smith.", "John Smith"},
		{"continuation", "“This is a dark day,” she said. “And it will get darker still.”", ""},
		{"continuation of named", "“This is a dark day,” said Naly Pilorge. “And it will get darker still.”", "Naly Pilorge"},
		{"ambiguous pronoun", "Hun Sen met Kem Sokha in 2013. “We will not give up now,” he said.", ""},
		{"no attribution", "The law bans “any activity that harms national security” outright.", ""},
		{"introduced, French", "Pour Naly Pilorge, directrice de Human Rights Watch : « Le journalisme n’est pas un crime et il doit être libéré. »", "Naly Pilorge"},
		{"introduced, Spanish", "Según Naly Pilorge: “La periodista debe ser liberada de inmediato y sin condiciones.”", "Naly Pilorge"},
		{"introduced, organization", "For Human Rights Watch: “The verdict is a travesty of justice and must be overturned.”", "Human Rights Watch"},
		{"for without a colon is no attribution", "For Naly Pilorge the verdict was “a travesty of justice for everyone”.", ""},
		{"long appositive before the verb", "“The court ignored every piece of evidence we gave,” Sarah M Brooks, of the International Service for Human Rights in Geneva, told the Guardian.", "Sarah M Brooks"},
		{"second passage after a tag with role", "“The court ignored every piece of evidence we gave,” said Sarah M Brooks, programme director at the International Service for Human Rights. “We will appeal the ruling this week.”", "Sarah M Brooks"},
		{"second passage after a role naming a person", "“The court ignored every piece of evidence we gave,” said Sarah M Brooks, an adviser to Kem Sokha. “We will appeal the ruling this week.”", "Sarah M Brooks"},
		{"second passage after a role with a possessive", "“The court ignored every piece of evidence we gave,” said Sarah M Brooks, coordinator of Kem Sokha’s defence team. “We will appeal the ruling this week.”", "Sarah M Brooks"},
		{"second passage after another speaker's sentence", "“The court ignored every piece of evidence we gave,” said Sarah M Brooks. Kem Sokha was silent. “We will appeal the ruling this week.”", ""},
		{"passage after a long tag", "“I am really glad that this is over,” a tearful and very tired Mr Hun Sen said as he hugged his family and greeted his supporters.\n\n“I will not give up now, not ever.”", "Hun Sen"},
		{"pull quote", "À certains endroits, « il n’y a plus de matière organique ici », explique Sarah M Brooks. Kem Sokha n’a rien dit de plus ce jour-là.\n\n« Il n’y a plus de matière organique ici »", "Sarah M Brooks"},
		{"second passage after a titled tag", "“The court ignored every piece of evidence we gave,” said Human Rights Watch Asia Director Sarah M Brooks.\n\n“We will appeal the ruling this week.”", "Sarah M Brooks"},
		{"second passage after a long appositive", "“The court ignored every piece of evidence we gave,” Sarah M Brooks, of the International Service for Human Rights in Geneva, told the Guardian. “We will appeal the ruling this week.”", "Sarah M Brooks"},
		{"described name before the verb", "Hun Sen arrived late. “We will close them all down,” a tired and angry Mr Hun Sen said.", "Hun Sen"},
		{"role and person after the verb", "“The court ignored every piece of evidence we gave,” said Human Rights Watch Asia Director Sarah M Brooks.", "Sarah M Brooks"},
		{"according to after a person named before", "Sarah M Brooks, who called it a “dark day for all of us here”, according to Agence France-Presse.", "Sarah M Brooks"},
		{"possessive is no rival for a pronoun", "Hun Sen’s lawyer, Sarah M Brooks, described the ruling as historic. It was “a wonderful step for the rights of all”, she said.", "Sarah M Brooks"},
		{"a name opening a clause after the verb", "A government official said Human Rights Watch extended the deadline to “allow the talks to go on for a month.”", ""},
		{"in his words", "Hun Sen spoke to the press on Monday. In his words: “The NGO must close its doors.”", "Hun Sen"},
		{"French, a déclaré after", "« Nous ne céderons jamais devant la répression », a déclaré Sarah M Brooks.", "Sarah M Brooks"},
		{"French, colon before", "Sarah M Brooks a déclaré : « Nous ne céderons jamais devant la répression. »", "Sarah M Brooks"},
		{"French, selon", "Selon Sarah M Brooks, « la répression ne fait que commencer dans le pays ».", "Sarah M Brooks"},
		{"French, role after the verb", "Le président Hun Sen a parlé lundi. « Nous ne céderons jamais devant personne », a indiqué le président du pays.", "Hun Sen"},
		{"Spanish, dijo", "“No vamos a rendirnos ante la represión”, dijo Sarah M Brooks.", "Sarah M Brooks"},
		{"Spanish, afirmó", "“No vamos a rendirnos ante la represión”, afirmó Sarah M Brooks en Ginebra.", "Sarah M Brooks"},
		{"Spanish, en sus palabras", "Sarah M Brooks resaltó uno de los enfoques del día. En sus palabras: “No vamos a rendirnos ante la represión.”", "Sarah M Brooks"},
		{"Spanish, subject left out before a colon", "Sarah M Brooks vio los comentarios del ministro y tuiteó: “No vamos a rendirnos ante la represión.”", "Sarah M Brooks"},
		{"Spanish, role after the verb", "Sarah M Brooks vive en Tame. “No vamos a rendirnos ante la represión”, afirma esta mujer que luego habló de la Defensoría del Pueblo.", "Sarah M Brooks"},
		{"French, inverted pronoun", "Le ministre Hun Sen a parlé lundi. « Aucune opération militaire ne sera menée », a-t-il déclaré.", "Hun Sen"},
		{"Spanish, a verb joined to the sentence before", "La Oficina del Presidente pidió la liberación de todas las personas detenidas “por el solo hecho de manifestarse” y recordó que Hun Sen no habló.", "Oficina del Presidente"},
		{"Spanish, a statement noun", "El miércoles, la Oficina del Presidente difundió un comunicado en el que felicitó a la policía por “su excelente accionar en la calle”.", "Oficina del Presidente"},
		{"Spanish, the complement is no rival", "La abogada de Hun Sen, Sarah M Brooks, recordó los hechos. “¿Cómo puede hablarse de justicia en este país?”, preguntó.", "Sarah M Brooks"},
		{"an organization qualifying a noun is no antecedent", "The International Atomic Energy Agency said on Friday that work had begun. According to the United Nations nuclear watchdog, both sides agreed. “Another local ceasefire is now in effect here,” it said.", "International Atomic Energy Agency"},
		{"a person as a complement is no antecedent", "Sarah M Brooks vive en Tame desde hace años. Recibió el premio de Kem Sokha en mayo. “No vamos a rendirnos ante la represión”, afirma esta mujer.", "Sarah M Brooks"},
		{"the subject of a relative clause is unnamed", "Hun Sen habló el lunes. Un lector que afirma: “la joven debería quedarse en su casa y no protestar”.", ""},
		{"French, an unnamed speaker after the verb", "Le président Hun Sen a parlé lundi. « Nous nous sommes mutinés hier soir », a déclaré un policier.", ""},
		{"Spanish, an unnamed speaker after the verb", "Sarah M Brooks vive en Tame. “Aquí ya no queda agua para nadie”, dijo una vecina.", ""},
		{"English, an unnamed speaker after the verb", "Hun Sen spoke on Sunday. “We will close them all down,” said a police officer.", ""},
		{"a role named before", "It was confirmed by Human Rights Watch Deputy Director Sarah M Brooks. “They opened fire without any warning,” told Human Rights Watch Deputy Director.", "Sarah M Brooks"},
		{"a role never named", "Hun Sen spoke on Sunday. “They opened fire without any warning,” told Human Rights Watch Deputy Director.", ""},
		{"a person qualifying a noun after the verb", "Sarah M Brooks led the march. These groups have called for the Hun Sen government “to drop the charges against the people who marched”.", ""},
		{"new sentence is not a tag", "“This is a dark day for rights.” Human Rights Watch said in a statement that it would appeal the verdict soon.", ""},
		// An organization's possessive and an office in small letters
		// put the name further from the verb than a bare tag does.
		{"possessive organization and office before the name", "“The court ignored every piece of evidence we gave,” said Human Rights Watch’s senior legal adviser Sarah M Brooks.", "Sarah M Brooks"},
		// An office stands for the person the text introduced with it,
		// however long ago, and whoever was named since.
		{"the office before the verb", "“We will not stay silent,” said Harbour Watch director Lena Brook. Kem Sokha did not answer. The director told reporters that “every permit was issued unlawfully.”", "Lena Brook"},
		{"the office after the verb", "Ambassador Sarah M Brooks arrived in the morning. Hun Sen did not attend. “Our fight is with the armed groups, not with the people,” said the Ambassador.", "Sarah M Brooks"},
		{"an organization's office never named speaks for it", "Lena Brook was killed in July. According to the article, the Harbour Watch spokesperson on 4 September dismissed the report as the product of “foreigners pumping money to topple the government.”", "Harbour Watch"},
		{"a head is the last person introduced with an office", "UN Secretary-General Sarah M Brooks spoke in New York. Kem Sokha left. “The situation is dire across the whole strip,” the UN chief said.", "Sarah M Brooks"},
		{"an organization's definite noun with several modifiers", "Harbour Watch published its report. Kem Sokha left. In a statement, the local human rights office said the situation was “dire across the whole strip and getting worse”.", "Harbour Watch"},
		{"an office with its holder's name in the tag", "Lena Brook spoke first. “The situation is dire across the whole country,” said the minister Kem Sokha.", "Kem Sokha"},
		{"an office with its holder's name before the verb", "Lena Brook spoke first. The minister Kem Sokha said that “the situation is dire across the whole country”.", "Kem Sokha"},
		{"an office followed by another clause's name", "Ambassador Sarah M Brooks spoke. Hun Sen left. “Our fight is with the armed groups, not the people,” said the Ambassador, who also insisted on talks – a claim rejected by Kem Sokha.", "Sarah M Brooks"},
		{"Spanish, an office with its complement before the verb", "El relator especial de la ONU, Sarah M Brooks, visitó Tame. Hun Sen no habló. Al respecto, el relator especial de la ONU planteó que “no todo lo que pasa tiene que ver con las elecciones”.", "Sarah M Brooks"},
		{"Spanish, the office after the verb", "El relator especial de la ONU, Sarah M Brooks, visitó Tame. Hun Sen no habló. “Lo más grave es la ausencia de una reacción del Estado”, dijo el relator al cuestionar la falta de respuesta.", "Sarah M Brooks"},
		// A paragraph that opens with a quotation goes on from the
		// reported speech that closes the paragraph before it, over a
		// subheading; a paragraph that reports no speech gives nothing.
		{"a quoted paragraph after reported speech", "Lena Brook, who heads Harbour Watch, said that the permits were “very, very clear” on the matter.\n\n“I do not know the truth yet, but I think the law is very clear.”", "Lena Brook"},
		{"a quoted paragraph after reported speech and a subheading", "The inquiry will take two months, Lena Brook said.\n\nThe camps\n\n“We need to look at every camp where the rules were broken.”", "Lena Brook"},
		{"a quoted paragraph after a paragraph of no speech", "Lena Brook visited the camp on Monday.\n\n“We need to look at every camp where the rules were broken.”", ""},
		// "who" after a tag's name goes on with that speaker; a clause
		// after a dash in small letters is no credit.
		{"who also insisted, then a claim rejected", "“Our fight is with the armed groups,” said Sarah M Brooks, who also insisted that “there are other ways to feed the camps” – a claim rejected by Hun Sen who said it was false.", "Sarah M Brooks"},
		{"a message received is its unnamed sender's", "Lena Brook reported receiving a threat stating “You will be punished for these photos”.", ""},
		{"an abbreviation in a long tag", "“We are pleased the rapporteur is listening,” said Lena Brook, an attorney who works with groups in Ferguson-St. Louis and Miami. “We hope the world is listening too.”", "Lena Brook"},
		{"French, an appositive before an auxiliary and appelé with its object", "Sarah M Brooks, militante des droits humains et directrice de Harbour Watch, a appelé le gouvernement à « libérer tous les prisonniers politiques ».", "Sarah M Brooks"},
		{"Spanish, an appositive left open before the verb", "Luego de expresar sus condolencias, Sarah M Brooks, representante de Harbour Watch señaló que “combatir la impunidad es un deber de las autoridades”.", "Sarah M Brooks"},
		{"the organization with modifiers", "Harbour Watch released a report. Lena Brook spoke first. The human rights organization characterized the ruling as showing “how the courts have been turned into a weapon”.", "Harbour Watch"},
		{"a participle after another verb", "Lena Brook also criticized the response of the government, noting that “major donors continue to fund the ministry”.", "Lena Brook"},
		{"Spanish, sentenció", "Sarah M Brooks habló en el foro.\n\n“La censura no solo afecta al pueblo, sino a todos”, sentenció.", "Sarah M Brooks"},
		// A short clause with no speech verb that a colon closes names
		// the speaker, as French copy introduces one.
		{"French, a name and its role before a colon", "Kem Sokha a parlé lundi. Sarah M Brooks, directrice de Harbour Watch : « Nous ne céderons jamais devant la répression. »", "Sarah M Brooks"},
		{"French, a role and its name before a colon", "Kem Sokha a parlé lundi. La directrice de Harbour Watch, Sarah M Brooks : « Nous ne céderons jamais devant la répression. »", "Sarah M Brooks"},
		{"French, an office alone before a colon", "Sarah M Brooks est présidente de Harbour Watch. Kem Sokha a parlé ensuite. Interrogée, la présidente : « Nous ne céderons jamais devant la répression. »", "Sarah M Brooks"},
		{"an organization alone before a colon", "Kem Sokha spoke on Monday. Harbour Watch: “The permits were issued unlawfully and must be withdrawn.”", "Harbour Watch"},
		{"two people before a colon is no attribution", "Sarah M Brooks met Kem Sokha in the capital: “The permits were issued unlawfully and must be withdrawn.”", ""},
		{"a person's pronouncement before a colon", "It is a logical follow up to director Sarah M Brooks’s pronouncement at the launch of the probe into the killing: “The safety of journalists remains a priority for the government.”", "Sarah M Brooks"},
		{"that was the conclusion of", "“The war on terror quickly turned into a war on migrants.” That was the conclusion of Harbour Watch director Lena Brook last week.", "Lena Brook"},
		{"says the statement, of an issuer named before", "According to a statement by the Harbour Watch movement, two activists were kidnapped. \"According to lawyers,\" says the statement, \"there is nearly no area on his body that is void of bruises.\"", "Harbour Watch"},
		{"the statement said, of an issuer named before", "Harbour Watch issued a statement on Monday. Kem Sokha did not answer. The statement said that “every permit was issued unlawfully.”", "Harbour Watch"},
		{"Spanish, a fronted phrase with the quotation, then the subject", "Frente a la “alta cuota de represión” y los ataques presenciales y digitales a la libertad de expresión y a sus actores, Sarah M Brooks, insistió en la necesidad de trabajar.", "Sarah M Brooks"},
		// An office phrase between the verb and the name, even with a
		// comma right before the name.
		{"Spanish, a long office phrase after the verb", "“No vamos a rendirnos ante la represión”, dijo Hun Sen.\n\n“Nuestro país vive una crisis muy dura. No a la violencia!”, replicó en twitter el líder opositor y ex candidato presidencial Sarah M Brooks.", "Sarah M Brooks"},
		{"Spanish, an office and a comma before the name", "“Tenemos dos personas fallecidas en la marcha de hoy” en la capital, dijo a la prensa la fiscal general, Sarah M Brooks.", "Sarah M Brooks"},
		{"a relative pronoun in the phrase opens another clause", "Sarah M Brooks vive en Tame. “No vamos a rendirnos ante la represión”, afirma esta mujer quien además es directora de Harbour Watch con Kem Sokha.", "Sarah M Brooks"},
		{"accused before a colon", "A dispute arose when Lena Brook accused Judge Kem Sokha directly: “You are acting not like a judge, but like a prosecutor.”", "Lena Brook"},
		{"alleging after clarified", "Lena Brook also clarified that she had refused to give statements, alleging that the police were “busy collecting fabricated evidence.”", "Lena Brook"},
		{"a pronoun after an unnamed speaker's tag", "“This is not about one town,” Lena Brook said.\n\nBishops spoke of fear. “Faith should not need any permission,” said a bishop in the north. “Yet permission is what people now seek,” he continued.", ""},
		// French inverts the subject pronoun into the verb.
		{"French, ajoute-t-elle", "Sarah M Brooks a parlé lundi. « Nous ne céderons jamais devant la répression », ajoute-t-elle.", "Sarah M Brooks"},
		{"French, poursuit-il", "Le ministre Hun Sen a parlé lundi. « Aucune opération militaire ne sera menée », poursuit-il.", "Hun Sen"},
		{"French, confie", "« Nous ne céderons jamais devant la répression », confie Sarah M Brooks.", "Sarah M Brooks"},
		{"Spanish, ha señalado", "“No vamos a rendirnos ante la represión”, ha señalado Sarah M Brooks.", "Sarah M Brooks"},
		{"Spanish, cuenta", "“No vamos a rendirnos ante la represión”, cuenta Sarah M Brooks.", "Sarah M Brooks"},
		{"Portuguese, informou", "“Não vamos desistir diante da repressão”, informou Sarah M Brooks.", "Sarah M Brooks"},
		{"English, reiterated", "“We will never give up on them,” Sarah M Brooks reiterated.", "Sarah M Brooks"},
		{"English, confirmed", "“Two of the journalists were released on Friday,” police spokesman Lena Brook confirmed.", "Lena Brook"},
		{"an appositive holding an organization's office", "Kem Sokha spoke first. “This is a dark day for all of us,” Sarah M Brooks, Harbour Watch’s director, said in a statement on Monday.", "Sarah M Brooks"},
		{"Spanish, para X and a comma", "Kem Sokha habló primero. Para Sarah M Brooks, “este es un día oscuro para todos nosotros”.", "Sarah M Brooks"},
		{"French, pour a role, the name and a comma", "Kem Sokha a parlé. Pour la présidente de Harbour Watch, Sarah M Brooks, « c’est un jour sombre pour nous tous ».", "Sarah M Brooks"},
		// An organization's definite noun after the verb, and one
		// qualified by a name.
		{"Spanish, indicó el organismo", "Harbour Watch publicó un informe. “La situación es grave en todo el país”, indicó el organismo.", "Harbour Watch"},
		{"Spanish, expresó la organización", "Harbour Watch publicó un informe. “La situación es grave en todo el país”, expresó la organización en un comunicado.", "Harbour Watch"},
		{"French, selon l’ONG", "Harbour Watch a publié un rapport. « La situation est grave dans tout le pays », selon l’ONG.", "Harbour Watch"},
		{"the UN agency said", "Harbour Watch published a report on Monday. “The situation is dire across the whole strip,” the UN agency said.", "Harbour Watch"},
		// Multi-word forms of "according to" in each language.
		{"Spanish, de acuerdo con", "De acuerdo con Sarah M Brooks, “la situación en los campamentos es catastrófica”.", "Sarah M Brooks"},
		{"Spanish, en palabras de", "En palabras de Sarah M Brooks, “la situación en los campamentos es catastrófica”.", "Sarah M Brooks"},
		{"French, d’après", "D’après Sarah M Brooks, « la situation dans les camps est catastrophique ».", "Sarah M Brooks"},
		{"in the words of", "In the words of Sarah M Brooks, “the situation in the camps is catastrophic”.", "Sarah M Brooks"},
		{"Spanish, a decir de after", "“La situación en los campamentos es catastrófica”, a decir de Sarah M Brooks.", "Sarah M Brooks"},
		// A judgement reported with "called": the determiner after the
		// verb tells it from a name ("a group called “…”").
		{"called the decision", "Lena Brook called the decision “a dark day for our democracy”.", "Lena Brook"},
		{"called their arrest", "Lena Brook called their arrest “a dark day for our democracy”.", "Lena Brook"},
		// An unnamed office that speaks for an organization named right
		// after it, before or after the verb.
		{"a spokesperson for an organization said", "“We will keep fighting until every detainee is freed,” a spokesperson for the Coalition for Fair Wages said.", "Coalition for Fair Wages"},
		{"said a spokesperson for an organization", "“We will keep fighting until every detainee is freed,” said a spokesperson for the Coalition for Fair Wages.", "Coalition for Fair Wages"},
		{"a spokesman for an organization said that", "A spokesman for the Ministry of Labour said that “all workers will be paid by the end of the month”.", "Ministry of Labour"},
		{"French, un porte-parole de", "« Les policiers ont agi en légitime défense », a déclaré un porte-parole de Human Rights Watch.", "Human Rights Watch"},
		{"Spanish, el vocero de", "“Los policías actuaron en legítima defensa”, dijo el vocero de la Fiscalía General de la Nación.", "Fiscalía General de la Nación"},
		{"a spokesperson with a name of its own", "“We will keep fighting until every detainee is freed,” a spokesperson for the Coalition for Fair Wages, Lena Brook, said.", "Lena Brook"},
		{"an organization's spokesperson before the verb", "“We will keep fighting until every detainee is freed,” the Coalition for Fair Wages spokesperson said.", "Coalition for Fair Wages"},
		{"an organization's director never named", "“We will keep fighting until every detainee is freed,” the Coalition for Fair Wages director said.", ""},
		// "the statement said" after the quotation, of an issuer whose
		// name starts before the words around the document noun.
		{"the statement said after the quotation", "The Coalition for Fair Wages issued a statement on Monday. “We will keep fighting until every detainee is freed,” the statement said.", "Coalition for Fair Wages"},
		// A quotation that is a sentence of its own after a sentence in
		// which someone spoke or said something.
		{"X spoke to reporters, then a quoted sentence", "Lena Brook spoke to reporters outside the court. “The water is poisoned and nobody cares.”", "Lena Brook"},
		{"X said something, then a quoted sentence", "Lena Brook said the permits were unlawful. “The water is poisoned and nobody cares.”", "Lena Brook"},
		{"X addressed the rally, then a quoted paragraph", "Lena Brook addressed the rally on Monday.\n\n“We are not afraid and we will not be silenced.”", "Lena Brook"},
		{"a sentence with no speech, then a quoted sentence", "Lena Brook was arrested on Monday. “We are not afraid and we will not be silenced.”", ""},
		{"two people spoke, then a quoted sentence", "Kem Sokha and Lena Brook spoke on Monday. “We are not afraid and we will not be silenced.”", ""},
		// An incise inside the marks names the speaker, French and
		// Spanish style.
		{"French, incise with an inverted pronoun", "Sarah M Brooks est ministre.\n\n« Nous ne laisserons plus passer l’impunité dans ce pays, a-t-elle martelé. Nous irons jusqu’au bout. »", "Sarah M Brooks"},
		{"French, incise with a name", "« Nous ne laisserons plus passer l’impunité dans ce pays, explique Sarah M Brooks. Nous irons jusqu’au bout. »", "Sarah M Brooks"},
		{"French, incise with an auxiliary and a name", "« Nous ne laisserons plus passer l’impunité dans ce pays, a déclaré Sarah M Brooks, et nous irons jusqu’au bout. »", "Sarah M Brooks"},
		{"Spanish, incise between dashes", "“No vamos a permitir más impunidad —dijo Sarah M Brooks— en este país ni en ningún otro.”", "Sarah M Brooks"},
		{"Spanish, incise with the subject left out", "Sarah M Brooks es ministra. “No vamos a permitir más impunidad, dijo, en este país ni en ningún otro.”", "Sarah M Brooks"},
		{"French, an incise naming no one", "Sarah M Brooks est ministre. Kem Sokha aussi. « Nous ne laisserons plus passer, dit le proverbe, ce qui ne se dit pas ici. »", ""},
		{"French, a fait savoir", "« Nous ne laisserons plus passer l’impunité dans ce pays », a fait savoir Sarah M Brooks.", "Sarah M Brooks"},
		// A pronoun where names crowd the sentences before is the last
		// person named as speaking, in its paragraph or the one before.
		{"she said after names in passing", "“The courts are closed to us,” Lena Brook said. The report studies the institutions inherited by former bishop Tomás Vidal.\n\nAccording to Brook, the legacy of the 35-year Hun Sen regime is a lack of trust, she said.\n\n“This report is important for two reasons,” she said.", "Lena Brook"},
		// The nearest person stays first when its sentence names no
		// other: "Selon l’avocate, Me X, …", after another speaker.
		{"French, a person named after the last speaker", "« Ces arrestations sont arbitraires », a déclaré Tomás Vidal.\n\nSelon l’avocate des militants, Sarah M Brooks, les hommes n’ont pas vu d’avocat. « Mes clients ont été interrogés douze heures », a-t-elle affirmé.", "Sarah M Brooks"},
		// An appositive role that opens with a capitalised qualifier,
		// and words said by several, which take the first named.
		{"a capitalised qualifier before the office", "Lena Brook, Asia director at Harbour Watch, said: “Cambodia must release all political prisoners now.”", "Lena Brook"},
		{"two organizations said", "Amnesty International and Human Rights Watch said in a joint statement that “the arrests of the opposition leaders must end”.", "Amnesty International"},
		{"said two people", "“The arrests of the opposition leaders must end,” said Lena Brook and Tomás Vidal.", "Lena Brook"},
		// A document's words "read", and "what X called".
		{"a person's statement read", "Lena Brook’s statement read: “The arrests of the opposition leaders must end.”", "Lena Brook"},
		{"the statement reads, of an issuer named before", "Harbour Watch issued a statement. The statement reads: “The arrests of the opposition leaders must end.”", "Harbour Watch"},
		{"what she called", "Lena Brook condemned what she called “a calculated attack on the opposition”.", "Lena Brook"},
		// "dijo a la prensa": "a" is a preposition, no indefinite
		// article; a stressed pronoun after "selon", "según", "para".
		{"Spanish, dijo a la prensa", "Sarah M Brooks fue liberada el lunes.\n\n“Estoy cansada pero aliviada, estos meses fueron terribles”, dijo a la prensa.", "Sarah M Brooks"},
		{"Spanish, dijo una vecina stays unnamed", "Sarah M Brooks habló. “Estoy cansada pero aliviada, estos meses fueron terribles”, dijo una vecina.", ""},
		{"French, selon lui", "Le ministre Hun Sen a parlé lundi. Selon lui, « la situation est sous contrôle dans tout le pays ».", "Hun Sen"},
		{"Spanish, según ella", "Sarah M Brooks es ministra. Según ella, “la situación está bajo control en todo el país”.", "Sarah M Brooks"},
		{"Spanish, para ella", "Sarah M Brooks es ministra. Para ella, “la situación está bajo control en todo el país”.", "Sarah M Brooks"},
		// A person named as a clause's subject after the last speaker
		// is who "he" is; an age is an appositive.
		{"he after a person who was beaten", "“No officer is above the law,” Lena Brook said.\n\nTomás Vidal was beaten by the police. “They hit me with batons even after I fell,” he said.", "Tomás Vidal"},
		{"he after a person with an age who said", "“No officer is above the law,” Lena Brook said.\n\nTomás Vidal, 24, said he was beaten. “They hit me with batons even after I fell,” he said.", "Tomás Vidal"},
		// The one name a text gives a speaker it does not name fully.
		{"who gave his name only as", "Lena Brook spoke first. “We pray at home now,” said a teacher in the north who would give his name only as Tomas. “Nobody comes to church,” he continued.", "Tomas"},
		{"identified only as", "“We have nothing left at all,” said a farmer, identified only as Maria, in the village.", "Maria"},
		{"Spanish, se refirió", "Sarah M Brooks habló en el foro. Se refirió al “efecto postergado de las acciones de censura” y a sus causas.", "Sarah M Brooks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLastSpeaker(t, rec, tt.text, tt.want)
		})
	}
}

// A few quoted words that are no sentence, or that no one is named as
// saying, are scare quotes or names, not quotations.
func TestExtract_shortQuotes(t *testing.T) {
	rec := recognizer(t)
	for _, text := range []string{
		"Ana Ruiz said the verdict was “a disgrace”.",
		"The “Black Monday” campaign went on.",
		"Protesters chanted outside. “Free them all!” The police moved in.",
	} {
		if got := quotes.Extract(text, rec.Find(text)); len(got) != 0 {
			t.Errorf("%q: got quotations %q, want none", text, texts(got))
		}
	}
}

// The name of a charge or a slogan in quotation marks quotes nobody.
func TestExtract_labelsAreNoQuotations(t *testing.T) {
	for _, text := range []string{
		"Kem Sokha was charged with “conspiracy with a foreign power” in 2017.",
		"Staff held signs reading ‘Save Press Freedom Cambodia’ outside.",
		"The prosecutor charged him with “spreading false news” and “membership of a terrorist group” last week.",
		"Il est accusé de « diffusion de fausses nouvelles » et « atteinte à la sûreté de l’État ».",
		"Banned slogans included “Free the political prisoners now” and “Justice for Kem Ley now”.",
		"The hashtag was “#FreeThemAll and release them now” within hours.",
		"Los organismos denuncian detenciones arbitrarias y una “criminalización de la protesta social”.",
		// A name between an article and the noun it qualifies, even
		// when a speaker is named around it.
		"Lena Brook said no law enforcers could act in the city under the “one country, two systems” formula that governs it.",
		"Sarah M Brooks criticó la “ley de seguridad ciudadana” aprobada por el congreso.",
		"Al imputarles delitos como “intimidación pública grave”, “atentado contra el orden constitucional y la vida democrática” y daños.",
		"Dans la rue, une foule chantait : « Ami policier, les gens sont avec vous ».",
		// A name or a charge introduced as such.
		"The six were arrested for allegedly “spreading false news about the army” in March.",
		"A militia known as “the Lions of the Eastern Desert” claimed the attack.",
		"Un grupo conocido como “los hijos de la patria libre” reivindicó el ataque.",
		// The charges listed, the law invoked, an epithet, a work's
		// title set off by commas.
		"Lena Brook faces charges including “membership of a terrorist organization”.",
		"Lena Brook was charged under a law against “spreading rumours that disturb public order”.",
		"Lena Brook a été inculpée pour « atteinte à la sûreté de l’État et complot ».",
		"Lena Brook was declared a “traitor to the nation and an enemy of the people”.",
		"Harbour Watch published a report, “Silenced voices of the river communities”, on Monday.",
	} {
		if got := quotes.Extract(text, nil); len(got) != 0 {
			t.Errorf("%s: got %+v, want no quotation", text, got)
		}
	}
	// A quotation after a label is still one.
	text := "He was charged with “spreading false news about the state”. “The charges are absurd,” said Naly Pilorge."
	if got := quotes.Extract(text, recognizer(t).Find(text)); len(got) != 1 || got[0].Speaker != "Naly Pilorge" {
		t.Errorf("got %+v, want the one quotation by Naly Pilorge", got)
	}
}

func TestExtract_ambiguousSurname(t *testing.T) {
	text := "“We did nothing wrong at all,” Sokha said."
	got := quotes.Extract(text, recognizer(t).Find(text))
	if len(got) != 1 || got[0].Speaker != "" {
		t.Errorf("got %+v, want one quotation with no speaker", got)
	}
}

func TestExtract_sentence(t *testing.T) {
	text := "First sentence here. Hun Sen said: “The NGO must close its doors.” Then he left."
	got := quotes.Extract(text, recognizer(t).Find(text))
	if len(got) != 1 {
		t.Fatalf("got %d quotations, want 1", len(got))
	}
	if want := "Hun Sen said: “The NGO must close its doors.”"; got[0].Sentence != want {
		t.Errorf("Sentence got %q, want %q", got[0].Sentence, want)
	}

	long := strings.Repeat("and then some more words ", 40)
	text = "It began " + long + "when he said “the NGO must close its doors” and " + long + "."
	got = quotes.Extract(text, nil)
	if len(got) != 1 {
		t.Fatalf("got %d quotations, want 1", len(got))
	}
	if s := got[0].Sentence; len(s) > 400 || !strings.Contains(s, "the NGO must close its doors") {
		t.Errorf("Sentence is %d bytes (want ≤ 400, holding the quotation): %q", len(s), s)
	}
}

func TestExtract_empty(t *testing.T) {
	for _, text := range []string{"", "no quotes at all", "“", "”", "'", "‘’", "« »"} {
		if got := quotes.Extract(text, nil); len(got) != 0 {
			t.Errorf("Extract(%q) = %v, want none", text, got)
		}
	}
}

// An organization's name that holds an office noun ("Harbour Watch
// Director", as a tagger may read it) stands over the office a tag names:
// reading it must not cut the text backwards, and the office's holder
// introduced before is the speaker.
func TestExtract_officeInsideAName(t *testing.T) {
	text := "Director Lena Brook arrived. “The situation is dire across the whole country,” said the Harbour Watch Director."
	org := "Harbour Watch Director"
	person := "Lena Brook"
	names := entities.Names{
		{Canonical: person, Kind: entities.Person, Start: strings.Index(text, person), End: strings.Index(text, person) + len(person)},
		{Canonical: org, Kind: entities.Org, Start: strings.Index(text, org), End: strings.Index(text, org) + len(org)},
	}
	got := quotes.Extract(text, names)
	if len(got) != 1 || got[0].Speaker != person {
		t.Errorf("got %+v, want one quotation by %s", got, person)
	}
}

// Names no recognizer read (nil names: only the capitalised words). A
// surname alone stands for the one full name the text gave before it; a
// surname two full names share stands for neither. A name shaped as a
// person's, subject of a verb of saying, is who "he" and a quoted
// sentence after it speak for; an organization's is not.
func TestExtract_unknownNames(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"surname said", "Tshering Dorji leads the union. “We are not afraid and we will not be silenced,” Dorji said.", "Tshering Dorji"},
		{"surname told, next paragraph", "The union leader, Tshering Dorji, was arrested in May.\n\n“We are not afraid and we will not be silenced,” Dorji told reporters.", "Tshering Dorji"},
		{"said surname", "Tshering Dorji leads the union. “We are not afraid and we will not be silenced,” said Dorji.", "Tshering Dorji"},
		{"a surname two names share", "Tshering Dorji and Karma Dorji lead the union. “We are not afraid and we will not be silenced,” Dorji said.", ""},
		{"a surname given before the full name", "“We are not afraid and we will not be silenced,” Dorji said. Tshering Dorji leads the union.", ""},
		{"he said after an unknown person said", "Kwame Mensah said the arrests were illegal.\n\n“We are not afraid and we will not be silenced,” he said.", "Kwame Mensah"},
		{"a quoted sentence after an unknown person spoke", "Kwame Mensah spoke to reporters outside the court. “We are not afraid and we will not be silenced.”", "Kwame Mensah"},
		{"he said after an organization said", "Harbour Watch said the arrests were illegal.\n\n“We are not afraid and we will not be silenced,” he said.", ""},
		{"a quoted paragraph after an organization said", "Coalition for Fair Wages said the arrests were illegal.\n\n“We are not afraid and we will not be silenced.”", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotes.Extract(tt.text, nil)
			checkOffsets(t, tt.text, got)
			if len(got) != 1 || got[0].Speaker != tt.want {
				t.Errorf("got %+v, want one quotation by %q", got, tt.want)
			}
		})
	}
}
