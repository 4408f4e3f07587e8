package quotes_test

import (
	"testing"

	"github.com/advosearch/advosearch/quotes"
)

// Speakers in the ways wire copy, NGO and UN releases, and French,
// Spanish, Portuguese and Dutch news attribute quotations, written for
// this test (no statement's words): before the quotation, after it in
// every order, across paragraphs, by pronoun, by an organization's noun,
// and with no one named. Each is a general pattern; the names are
// invented or those of well-known bodies the recognizer lists.
func TestExtract_styles(t *testing.T) {
	rec := recognizer(t)
	tests := []struct{ name, text, want string }{
		{"X told Reuters that", "Amina Diallo told Reuters that “the detentions have no legal basis at all”.", "Amina Diallo"},
		{"In a statement, X said colon", "In a statement, Amnesty International said: “The authorities must free every detained journalist.”", "Amnesty International"},
		{"In a statement on a day, X said", "In a statement on Tuesday, the Kenya National Commission on Human Rights said “the police used excessive force against peaceful protesters”.", "Kenya National Commission on Human Rights"},
		{"Speaking to reporters, X said", "Speaking to reporters in Geneva, Kofi Mensah said: “We have counted more than two hundred bodies.”", "Kofi Mensah"},
		{"X, a lawyer for the family, told AFP colon", "Ruth Okafor, a lawyer for the family, told AFP: “They were never shown a warrant.”", "Ruth Okafor"},
		{"X said on Twitter colon", "Jorge Ramírez said on Twitter: “This sentence is a message to every journalist in the country.”", "Jorge Ramírez"},
		{"Asked about it, X said", "Asked about the arrests, Ruth Okafor said: “Nobody has explained why they were taken.”", "Ruth Okafor"},
		{"In an interview with a broadcaster, X said", "In an interview with Al Jazeera, Kofi Mensah said: “We have counted more than two hundred bodies.”", "Kofi Mensah"},
		{"X’s lawyer, Y, said colon", "Kofi Mensah’s lawyer, Ruth Okafor, said: “They were never shown a warrant.”", "Ruth Okafor"},
		{"an agency quoted X as saying that", "The state news agency quoted Kofi Mensah as saying that “the elections will go ahead as planned”.", "Kofi Mensah"},
		{"X was quoted as saying", "Kofi Mensah was quoted as saying: “The elections will go ahead as planned.”", "Kofi Mensah"},
		{"X was quoted by Reuters as saying", "Kofi Mensah was quoted by Reuters as saying “the elections will go ahead as planned”.", "Kofi Mensah"},
		{"Reuters quoted X as saying", "Reuters quoted Kofi Mensah as saying that “the elections will go ahead as planned”.", "Kofi Mensah"},
		{"after: an agency quoted X as saying", "“The elections will go ahead as planned,” the state news agency quoted Kofi Mensah as saying.", "Kofi Mensah"},
		{"after: X was quoted as saying by an agency", "“The elections will go ahead as planned,” Kofi Mensah was quoted as saying by the Interfax news agency.", "Kofi Mensah"},
		{"after: X, a lawyer, said", "“They were never shown a warrant,” Ruth Okafor, a lawyer, said.", "Ruth Okafor"},
		{"after: said X", "“They were never shown a warrant,” said Ruth Okafor.", "Ruth Okafor"},
		{"after: according to X", "“They were never shown a warrant,” according to Ruth Okafor.", "Ruth Okafor"},
		{"after: X told reporters", "“They were never shown a warrant,” Ruth Okafor told reporters on Monday.", "Ruth Okafor"},
		{"after: said X, whose son", "“They were never shown a warrant,” said Ruth Okafor, whose son was arrested in 2019.", "Ruth Okafor"},
		{"after: X said in an interview from a city", "“They were never shown a warrant,” Ruth Okafor said in a telephone interview from Nairobi.", "Ruth Okafor"},
		{"after: X wrote in a letter", "“They were never shown a warrant,” Ruth Okafor wrote in a letter to the president.", "Ruth Okafor"},
		{"after: X said, adding that", "“They were never shown a warrant,” Ruth Okafor said, adding that the family would appeal.", "Ruth Okafor"},
		{"after: no comma before X said", "“They were never shown a warrant” Ruth Okafor said.", "Ruth Okafor"},
		{"after: she told a news agency", "Ruth Okafor spoke outside the court. “They were never shown a warrant,” she told The Associated Press.", "Ruth Okafor"},
		{"after: said Dr. X, head of", "“They were never shown a warrant,” said Dr. Ruth Okafor, head of the clinic.", "Ruth Okafor"},
		{"after: surname after Dr. full name", "Dr. Ruth Okafor runs the clinic. “They were never shown a warrant,” Okafor said.", "Ruth Okafor"},
		{"after: X said, according to an agency", "“They were never shown a warrant,” Ruth Okafor said on Monday, according to the state news agency.", "Ruth Okafor"},
		{"after: said UN Special Rapporteur X", "“The elections will go ahead as planned,” said UN Special Rapporteur Amina Diallo.", "Amina Diallo"},
		{"after: said X, Director at ORG", "“The elections will go ahead as planned,” said Amina Diallo, Africa Director at Human Rights Watch.", "Amina Diallo"},
		{"after: said X, ORG’s director", "“The elections will go ahead as planned,” said Amina Diallo, Human Rights Watch’s Africa director.", "Amina Diallo"},
		{"after: the ministry said before any ministry is named", "“We have counted more than two hundred bodies,” the ministry said in a statement. The Ministry of Health gave no figures.", ""},
		{"after: the ministry said", "The Ministry of Health published new figures. “We have counted more than two hundred bodies,” the ministry said in a statement.", "Ministry of Health"},
		{"after: the organisation said", "Human Rights Watch published a report on Monday. “The authorities must free every detained journalist,” the organisation said.", "Human Rights Watch"},
		{"after: a spokesperson for the ministry said", "The Ministry of Health published new figures. “We have counted more than two hundred bodies,” a spokesperson for the ministry said.", "Ministry of Health"},
		{"after: an official on condition of anonymity", "“We have counted more than two hundred bodies,” a senior official said on condition of anonymity.", ""},
		{"after: said one official, who spoke on condition", "“We have counted more than two hundred bodies,” said one official, who spoke on condition of anonymity because he was not authorised to brief the media.", ""},
		{"after: he added", "Kofi Mensah heads the union. “We have counted more than two hundred bodies,” he added.", "Kofi Mensah"},
		{"a third paragraph goes on", "“They were never shown a warrant,” said Ruth Okafor.\n\n“Nobody has explained why they were taken.”\n\n“We will go to the Supreme Court if we must.”", "Ruth Okafor"},
		{"a quoted paragraph after X said that", "Ruth Okafor said the family had not been told where he was held.\n\n“Nobody has explained why they were taken.”", "Ruth Okafor"},
		{"she said in the next paragraph", "Ruth Okafor, a lawyer for the family, said the case was political.\n\n“Nobody has explained why they were taken,” she said.", "Ruth Okafor"},
		{"police in a city said", "Police in Nairobi said: “Officers acted within the law at all times.”", ""},
		{"ORG said in a statement that", "The National Police Service said in a statement that “officers acted within the law at all times”.", "National Police Service"},
		{"after: ORG said", "“Officers acted within the law at all times,” the National Police Service said.", "National Police Service"},
		{"the army said, no army named", "The army said “the operation targeted only armed fighters”.", ""},
		{"officials describe it as", "Officials describe the camps as “vocational education and training centres”.", ""},
		{"French, a déclaré à l’AFP X", "« Nous ne céderons jamais devant la répression », a déclaré à l’AFP Amina Diallo, porte-parole de la coalition.", "Amina Diallo"},
		{"French, X a affirmé que", "Amina Diallo a affirmé que « la répression ne fait que commencer dans le pays ».", "Amina Diallo"},
		{"French, dans un communiqué, ORG a dénoncé", "Dans un communiqué, la Fédération internationale pour les droits humains a dénoncé « une parodie de justice et une honte pour le pays ».", "International Federation for Human Rights"},
		{"French, a-t-elle ajouté after a named tag", "« Nous ne céderons jamais devant la répression », a déclaré Amina Diallo. « Nous irons jusqu’au bout de cette affaire », a-t-elle ajouté.", "Amina Diallo"},
		{"French, X, présidente de, a déclaré colon", "Amina Diallo, présidente de la Ligue, a déclaré : « Nous ne céderons jamais devant la répression. »", "Amina Diallo"},
		{"French, estime X, présidente", "« Nous ne céderons jamais devant la répression », estime Amina Diallo, présidente de la Ligue.", "Amina Diallo"},
		{"French, explique-t-elle before anyone is named", "« Nous ne céderons jamais devant la répression », explique-t-elle. Amina Diallo préside la Ligue.", ""},
		{"Spanish, dijo X a la agencia", "“No vamos a rendirnos ante la represión”, dijo Jorge Ramírez a la agencia EFE.", "Jorge Ramírez"},
		{"Spanish, X aseguró que", "Jorge Ramírez aseguró que “no vamos a rendirnos ante la represión”.", "Jorge Ramírez"},
		{"Spanish, señaló en un comunicado ORG", "La Fiscalía General de la Nación abrió una investigación. “No habrá impunidad en este caso”, señaló en un comunicado la Fiscalía General de la Nación.", "Fiscalía General de la Nación"},
		{"Spanish, explicó a este diario X, vocero", "“No vamos a rendirnos ante la represión”, explicó a este diario Jorge Ramírez, vocero del colectivo.", "Jorge Ramírez"},
		{"Spanish, de acuerdo con X", "De acuerdo con Jorge Ramírez, “no vamos a rendirnos ante la represión”.", "Jorge Ramírez"},
		{"Spanish, afirmó with the subject left out", "Jorge Ramírez fue liberado el lunes. “No vamos a rendirnos ante la represión”, afirmó.", "Jorge Ramírez"},
		{"Portuguese, afirmou X, coordenador", "“Não vamos desistir da luta pela terra”, afirmou João Batista, coordenador do movimento.", "João Batista"},
		{"Portuguese, X disse que", "João Batista disse que “não vamos desistir da luta pela terra”.", "João Batista"},
		{"Portuguese, disse ele", "João Batista chegou cedo. “Não vamos desistir da luta pela terra”, disse ele.", "João Batista"},
		{"Dutch, zei X", "“Wij geven de strijd voor vrijheid nooit op”, zei Pieter de Vries.", "Pieter de Vries"},
		{"Dutch, aldus X", "„Wij geven de strijd voor vrijheid nooit op”, aldus Pieter de Vries.", "Pieter de Vries"},
		{"Dutch, X zei colon", "Pieter de Vries zei: „Wij geven de strijd voor vrijheid nooit op.”", "Pieter de Vries"},
		{"Dutch, two commas and zegt hij", "Pieter de Vries was blij. ,,Wij geven de strijd voor vrijheid nooit op'', zegt hij.", "Pieter de Vries"},
		{"Dutch, vertelde X aan", "„Wij geven de strijd voor vrijheid nooit op”, vertelde Pieter de Vries aan de NOS.", "Pieter de Vries"},
		{"UN, the High Commissioner said", "UN High Commissioner for Human Rights Kofi Mensah spoke in Geneva. Amina Diallo did not. “Every detainee must be released,” the High Commissioner said.", "Kofi Mensah"},
		{"UN, the Special Rapporteur, X, said", "The Special Rapporteur, Amina Diallo, said: “Every detainee must be released without delay.”", "Amina Diallo"},
		{"UN, said X, the Special Rapporteur on", "“Every detainee must be released without delay,” said Amina Diallo, the UN Special Rapporteur on the right to food.", "Amina Diallo"},
		{"NGO, said X, ORG’s Regional Director for", "“Every detainee must be released without delay,” said Amina Diallo, Amnesty International’s Regional Director for East and Southern Africa.", "Amina Diallo"},
		{"NGO, ORG calls on the authorities to", "Harbour Watch calls on the authorities to “release all detained protesters immediately and unconditionally”.", "Harbour Watch"},
		{"NGO, ORG urges the government to", "Harbour Watch urges the government to “release all detained protesters immediately and unconditionally”.", "Harbour Watch"},
		{"NGO, in its submission, ORG noted that", "In its submission, Harbour Watch noted that “the detention of protesters violates the constitution”.", "Harbour Watch"},
		{"wire, surname, age, told", "Kofi Mensah leads the union. “Every detainee must be released without delay,” Mensah, 45, told Reuters by phone.", "Kofi Mensah"},
		{"wire, said surname, who", "Kofi Mensah leads the union. “Every detainee must be released without delay,” said Mensah, who was released on bail last week.", "Kofi Mensah"},
		{"wire, said X of ORG", "“Every detainee must be released without delay,” said Kofi Mensah of the Ghana Journalists Association.", "Kofi Mensah"},
		{"wire, said ORG’s office, X", "“Every detainee must be released without delay,” said the union’s general secretary, Kofi Mensah.", "Kofi Mensah"},
		{"wire, X, ORG’s office, said in a statement", "“Every detainee must be released without delay,” Kofi Mensah, the union’s general secretary, said in a statement.", "Kofi Mensah"},
		{"wire, He added colon", "Kofi Mensah said: “Every detainee must be released.” He added: “The courts have failed them all.”", "Kofi Mensah"},
		{"wire, a quotation broken by its tag", "“Every detainee must be released,” Amina Diallo said, “and the courts must answer for this.”", "Amina Diallo"},
		{"wire, he added, and the rest", "“Every detainee must be released,” said Kofi Mensah. “The courts failed them,” he added, “and nobody answered.”", "Kofi Mensah"},
		{"wire, he said of", "Kofi Mensah was released on Friday. “Every detainee must be released without delay,” he said of the verdict.", "Kofi Mensah"},
		{"a court ruled that", "The Supreme Court of Kenya ruled that “the detention of protesters violates the constitution”.", "Supreme Court of Kenya"},
		{"the court ruled", "The Supreme Court of Kenya heard the case. “The detention of protesters violates the constitution,” the court ruled.", "Supreme Court of Kenya"},
		{"ORG, in a statement, said", "The Ministry of Interior, in a statement, said “the protesters had attacked officers first”.", "Ministry of Interior"},
		{"Police spokesman X said", "Police spokesman Kofi Mensah said: “The protesters had attacked officers first.”", "Kofi Mensah"},
		{"the party said, after the ORG party", "The Democratic Alliance party criticised the verdict. “The protesters had done nothing wrong,” the party said in a statement.", "Democratic Alliance"},
		{"French, le ministre de l’Intérieur, X", "« Nous ne céderons jamais devant la répression », a déclaré le ministre de l’Intérieur, Kofi Mensah.", "Kofi Mensah"},
		{"French, a réagi auprès de l’AFP X", "« Nous ne céderons jamais devant la répression », a réagi auprès de l’AFP Amina Diallo.", "Amina Diallo"},
		{"French, selon X after", "« Nous ne céderons jamais devant la répression », selon Amina Diallo.", "Amina Diallo"},
		{"French, a-t-elle dit à", "Amina Diallo préside la Ligue. « Nous ne céderons jamais devant la répression », a-t-elle dit à franceinfo.", "Amina Diallo"},
		{"French, ORG (ACR) a dénoncé", "La Ligue des droits de l’homme (LDH) a dénoncé « une dérive autoritaire inquiétante du gouvernement ».", "Ligue des droits de l’homme"},
		{"French, écrit X dans une tribune", "« Nous ne céderons jamais devant la répression », écrit Amina Diallo dans une tribune.", "Amina Diallo"},
		{"Spanish, manifestó el vocero de ORG, X", "“No habrá impunidad en este caso”, manifestó el vocero de la Policía Nacional, Jorge Ramírez.", "Jorge Ramírez"},
		{"Spanish, sostuvo surname", "Jorge Ramírez habló el lunes. “No habrá impunidad en este caso”, sostuvo Ramírez en conferencia de prensa.", "Jorge Ramírez"},
		{"Spanish, ORG (ACR) expresó y señaló que", "La Comisión Interamericana de Derechos Humanos (CIDH) expresó su preocupación y señaló que “no habrá impunidad en este caso”.", "Inter-American Commission on Human Rights"},
		{"Spanish, según ORG", "Según la Fiscalía General de la Nación, “no habrá impunidad en este caso”.", "Fiscalía General de la Nación"},
		{"Spanish, afirmó a Efe la activista X", "“No habrá impunidad en este caso”, afirmó a Efe la activista Amina Diallo.", "Amina Diallo"},
		{"Portuguese, disse o coordenador, X", "“Não vamos desistir da luta pela terra”, disse o coordenador do movimento, João Batista.", "João Batista"},
		{"Portuguese, de acordo com X", "De acordo com João Batista, “não vamos desistir da luta pela terra”.", "João Batista"},
		{"Portuguese, explica X", "“Não vamos desistir da luta pela terra”, explica João Batista.", "João Batista"},
		{"Dutch, zegt woordvoerder X van ORG", "„Wij geven de strijd voor vrijheid nooit op”, zegt woordvoerder Pieter de Vries van Amnesty.", "Pieter de Vries"},
		{"Dutch, zei premier X", "„Wij geven de strijd voor vrijheid nooit op”, zei premier Mark Rutte.", "Mark Rutte"},
		{"X believes that", "Harbour Watch believes that the decision is a “dangerous threat to the freedom of the press”.", "Harbour Watch"},
		{"a second quotation after stating", "Harbour Watch called the ruling a “dangerous threat to the press,” stating, “Journalists must be able to work without fear.”", "Harbour Watch"},
		{"a speech noun after a preposition speaks not", "Lena Brook noted that a review would look into allegations against the agency regarding its “use of social media and political ties”.", "Lena Brook"},
		{"Spanish, informó X", "“Se pidió extender el estatus de todas las personas”, informó Lena Brook.", "Lena Brook"},
		{"Spanish, dijeron X", "“No vamos a rendirnos ante la represión”, dijeron los abogados de Lena Brook.", ""},
		{"Spanish, dijeron los vecinos", "Lena Brook habló el lunes. “No vamos a rendirnos ante la represión”, dijeron los vecinos.", ""},
		{"Dutch, a quoted paragraph after a paragraph in which X spoke", "Hoe oprecht dat is moet nog blijken, zegt correspondent Marc Bessems. De economie is ingestort.\n\n\"De druk van de buurlanden is erg groot. Het land heeft veel geld nodig.\" De wet verandert niets.", "Marc Bessems"},
		{"a quoted paragraph after a paragraph in which two spoke", "Lena Brook said the law was unfair, and Tomás Vidal agreed. The economy has collapsed.\n\n“The pressure from the neighbours is very strong now.”", ""},
		{"as one activist put it", "As one activist put it, “the courts have become a tool of the ruling party”.", ""},
		{"X put it bluntly colon", "Kofi Mensah put it bluntly: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		// The names found resolve a surname to the document's one full
		// name holding it, wherever that stands (entities).
		{"a surname given before the full name, replied", "Asked whether he would appeal, Mensah replied: “The courts have become a tool of the ruling party.” Kofi Mensah was freed.", "Kofi Mensah"},
		{"asked whether, surname replied", "Kofi Mensah was freed. Asked whether he would appeal, Mensah replied: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"for his part, X said", "For his part, Kofi Mensah said: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"X, however, said", "Kofi Mensah, however, said “the courts have become a tool of the ruling party”.", "Kofi Mensah"},
		{"a name and a colon opening a paragraph", "Kofi Mensah spoke first.\n\nKofi Mensah: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"the activist said, a role introduced with a name", "Activist Kofi Mensah was freed on Monday. Amina Diallo was not. “The courts have become a tool of the ruling party,” the activist said.", "Kofi Mensah"},
		{"the 45-year-old said", "Kofi Mensah, 45, was freed on Monday. “The courts have become a tool of the ruling party,” the 45-year-old said.", "Kofi Mensah"},
		{"said one resident, X", "“The courts have become a tool of the ruling party,” said one resident, Kofi Mensah.", "Kofi Mensah"},
		{"a protester named X told", "“The courts have become a tool of the ruling party,” a protester named Kofi Mensah told AFP.", "Kofi Mensah"},
		{"French, poursuit la militante", "La militante Amina Diallo a été libérée lundi. Kofi Mensah non. « Les tribunaux sont devenus un outil du parti », poursuit la militante.", "Amina Diallo"},
		{"French, confie X, 45 ans", "« Les tribunaux sont devenus un outil du parti », confie Amina Diallo, 45 ans.", "Amina Diallo"},
		{"Spanish, una de las víctimas", "“Los tribunales son una herramienta del partido”, relató a este medio una de las víctimas.", ""},
		{"in a joint statement, A and B said", "In a joint statement, Amnesty International and Human Rights Watch said: “The courts have become a tool of the ruling party.”", "Amnesty International"},
		{"a short sentence after a tag", "“The courts have become a tool of the ruling party,” Kofi Mensah said. “We will appeal.”", "Kofi Mensah"},
		{"says X, a lawyer, then a second quotation", "“The courts have become a tool of the ruling party,” says Kofi Mensah, a lawyer in Accra. “Nobody trusts them any more.”", "Kofi Mensah"},
		{"a quoted paragraph after he added that", "Kofi Mensah said: “The courts have become a tool of the ruling party.”\n\nHe added that the ruling would be appealed.\n\n“Nobody trusts them any more.”", "Kofi Mensah"},
		{"she before anyone is named", "“The courts have become a tool of the ruling party,” she said. Amina Diallo is a lawyer.", ""},
		{"she says after X, a lawyer", "Amina Diallo, a lawyer, has defended activists for years. “The courts have become a tool of the ruling party,” she says.", "Amina Diallo"},
		{"she after an organization interviewed X", "Human Rights Watch interviewed Amina Diallo in May. “The courts have become a tool of the ruling party,” she said.", "Amina Diallo"},
		{"it said after ORG said", "Harbour Watch said the verdict was unjust. “The courts have become a tool of the ruling party,” it said.", "Harbour Watch"},
		{"they said after ORG", "The Coalition for Fair Wages condemned the arrests. “The courts have become a tool of the ruling party,” they said.", "Coalition for Fair Wages"},
		{"said ministry spokesperson X", "The Ministry of Justice rejected the report. “The courts are independent and follow the law,” said ministry spokesperson Kofi Mensah.", "Kofi Mensah"},
		{"X, head of ORG, told reporters that", "Amina Diallo, head of the Bar Association, told reporters that “the courts have become a tool of the ruling party”.", "Amina Diallo"},
		{"after: X, head of ORG, told reporters", "“The courts have become a tool of the ruling party,” Amina Diallo, head of the Bar Association, told reporters.", "Amina Diallo"},
		{"X (pictured) said", "Amina Diallo (pictured) said: “The courts have become a tool of the ruling party.”", "Amina Diallo"},
		{"X told The Guardian colon", "Kofi Mensah told The Guardian: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"after: X told The New York Times", "“The courts have become a tool of the ruling party,” Kofi Mensah told The New York Times.", "Kofi Mensah"},
		{"X posted on Facebook colon", "Kofi Mensah posted on Facebook: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"in a post on X, X wrote", "In a post on X, Kofi Mensah wrote: “The courts have become a tool of the ruling party.”", "Kofi Mensah"},
		{"a statement signed by many", "The statement, signed by 40 organizations, said “the courts have become a tool of the ruling party”.", ""},
		{"said surname, who now lives", "Kofi Mensah said he was tortured. “They beat me every night for a week,” said Mensah, who now lives in exile.", "Kofi Mensah"},
		{"X recalled", "“They beat me every night for a week,” Kofi Mensah recalled.", "Kofi Mensah"},
		{"recounted X", "“They beat me every night for a week,” recounted Kofi Mensah.", "Kofi Mensah"},
		{"X testified", "“They beat me every night for a week,” Kofi Mensah testified.", "Kofi Mensah"},
		{"X told the court", "“They beat me every night for a week,” Kofi Mensah told the court.", "Kofi Mensah"},
		{"X told the tribunal, his voice breaking", "“They beat me every night for a week,” Kofi Mensah told the tribunal on Tuesday, his voice breaking.", "Kofi Mensah"},
		{"X described, then a quoted sentence", "Kofi Mensah described his ordeal. “They beat me every night for a week.”", "Kofi Mensah"},
		// Names the recognizer may not know, found as capitalised words.
		{"unknown: X, a lawyer for the family, said colon", "Ruth Okafor, a lawyer for the family, said: “They were never shown a warrant.”", "Ruth Okafor"},
		{"unknown: after, X, a lawyer, said", "“They were never shown a warrant,” Ruth Okafor, a lawyer for the family, said.", "Ruth Okafor"},
		{"unknown: X, who represents, told reporters that", "Ruth Okafor, who represents the family, told reporters that “they were never shown a warrant”.", "Ruth Okafor"},
		{"unknown: a second passage after said X, a lawyer", "“They were never shown a warrant,” said Ruth Okafor, a lawyer for the family. “Nobody has explained why.”", "Ruth Okafor"},
		{"unknown: surname said", "Ruth Okafor represents the family. “They were never shown a warrant,” Okafor said.", "Ruth Okafor"},
		{"unknown: said Ms surname", "Ruth Okafor represents the family. “They were never shown a warrant,” said Ms Okafor.", "Ruth Okafor"},
		{"unknown: she said in the next paragraph", "Ruth Okafor represents the family.\n\n“They were never shown a warrant,” she said.", "Ruth Okafor"},
		{"unknown: lawyer X said, then a quoted sentence", "Lawyer Ruth Okafor said the arrests were illegal. “They were never shown a warrant.”", "Ruth Okafor"},
		{"unknown: according to X before", "According to Ruth Okafor, “they were never shown a warrant”.", "Ruth Okafor"},
		{"unknown: according to X, a lawyer, after", "“They were never shown a warrant,” according to Ruth Okafor, a lawyer for the family.", "Ruth Okafor"},
		{"unknown: X, 52, said colon", "Ruth Okafor, 52, said: “They were never shown a warrant.”", "Ruth Okafor"},
		{"unknown: X (left) said colon", "Ruth Okafor (left) said: “They were never shown a warrant.”", "Ruth Okafor"},
		{"unknown: X, spokesperson for ORG, said colon", "Thandiwe Mokoena, spokesperson for the Legal Resources Network, said: “They were never shown a warrant.”", "Thandiwe Mokoena"},
		{"unknown: said X, spokesperson for ORG", "“They were never shown a warrant,” said Thandiwe Mokoena, spokesperson for the Legal Resources Network.", "Thandiwe Mokoena"},
		{"unknown: ORG said in a statement colon", "The Legal Resources Network said in a statement: “They were never shown a warrant.”", "Legal Resources Network"},
		{"unknown: after, ORG said in a statement", "“They were never shown a warrant,” the Legal Resources Network said in a statement.", "Legal Resources Network"},
		{"unknown: X, the group’s director, said colon", "Nguyen Van Minh, the group’s director, said: “They were never shown a warrant.”", "Nguyen Van Minh"},
		{"unknown: French, a déclaré X, avocate de la famille", "« Ils n’ont jamais vu de mandat », a déclaré Aïssata Traoré, avocate de la famille.", "Aïssata Traoré"},
		{"unknown: French, X, avocate de la famille, a déclaré", "Aïssata Traoré, avocate de la famille, a déclaré : « Ils n’ont jamais vu de mandat. »", "Aïssata Traoré"},
		{"unknown: Spanish, dijo X, abogada de la familia", "“Nunca les mostraron una orden”, dijo Xiomara Cáceres, abogada de la familia.", "Xiomara Cáceres"},
		{"unknown: Spanish, X, abogada de la familia, dijo que", "Xiomara Cáceres, abogada de la familia, dijo que “nunca les mostraron una orden”.", "Xiomara Cáceres"},
		// Adverbs between a subject and its verb, appositives with clauses of their own.
		{"the group also said", "Harbour Watch published a report on Monday. “The authorities must act,” the group also said.", "Harbour Watch"},
		{"the group further said that", "Harbour Watch published a report on Monday. The group further said that “the authorities must act now”.", "Harbour Watch"},
		{"the ministry later said colon", "The Ministry of Health published figures. The ministry later said: “The authorities must act now.”", "Ministry of Health"},
		{"it added colon", "Harbour Watch published a report on Monday. It added: “The authorities must act now.”", "Harbour Watch"},
		{"they added that", "The Coalition for Fair Wages published a report. They added that “the authorities must act now”.", "Coalition for Fair Wages"},
		{"she later added colon", "Amina Diallo spoke on Monday. She later added: “The authorities must act now.”", "Amina Diallo"},
		{"she later told reporters", "Amina Diallo spoke on Monday. “The authorities must act now,” she later told reporters.", "Amina Diallo"},
		{"X also said", "“The authorities must act now,” Amina Diallo also said.", "Amina Diallo"},
		{"a quoted sentence after another person spoke", "“The authorities must act now,” Amina Diallo, Harbour Watch’s director, said on Monday. Kofi Mensah agreed. “We have waited too long.”", ""},
		{"surname of one of two people named", "Amina Diallo and Kofi Mensah spoke. “The authorities must act now,” Diallo said.", "Amina Diallo"},
		{"ORG’s director, X, said colon", "Harbour Watch’s director, Amina Diallo, said: “The authorities must act now.”", "Amina Diallo"},
		{"X, whose brother was killed, said colon", "Amina Diallo, whose brother was killed in 2019, said: “The authorities must act now.”", "Amina Diallo"},
		{"said X, whose brother was killed", "“The authorities must act now,” said Amina Diallo, whose brother was killed by police in 2019.", "Amina Diallo"},
		{"X, director of ORG, which monitors, said colon", "Amina Diallo, director of Harbour Watch, which monitors the courts, said: “The authorities must act now.”", "Amina Diallo"},
		{"said X, director of ORG, which monitors", "“The authorities must act now,” said Amina Diallo, director of Harbour Watch, which monitors the courts.", "Amina Diallo"},
		{"ORG director X said colon", "Harbour Watch director Amina Diallo said: “The authorities must act now.”", "Amina Diallo"},
		{"after: ORG director X said", "“The authorities must act now,” Harbour Watch director Amina Diallo said.", "Amina Diallo"},
		{"UN human rights chief X said colon", "UN human rights chief Volker Türk said: “The authorities must act now.”", "Volker Türk"},
		{"the European Union said in a statement colon", "The European Union said in a statement: “The authorities must act now.”", "European Union"},
		{"after: EU foreign policy chief X said", "“The authorities must act now,” EU foreign policy chief Kaja Kallas said.", "Kaja Kallas"},
		{"US Secretary of State X said colon", "US Secretary of State Marco Rubio said: “The authorities must act now.”", "Marco Rubio"},
		// Spokespeople, sources, witnesses and relatives.
		{"after: the activist, who asked not to be named, said", "Amina Diallo spoke first. “The authorities must act now,” the activist, who asked not to be named, said.", ""},
		{"after: said a spokesperson for ORG", "Amina Diallo spoke first. “The authorities must act now,” said a spokesperson for Harbour Watch.", "Harbour Watch"},
		{"A ORG spokesperson said colon", "Amina Diallo spoke first. A Harbour Watch spokesperson said: “The authorities must act now.”", "Harbour Watch"},
		{"after: a ORG spokesperson told AFP", "Amina Diallo spoke first. “The authorities must act now,” a Harbour Watch spokesperson told AFP.", "Harbour Watch"},
		{"after: said ORG in a press release", "“The authorities must act now,” said Harbour Watch in a press release.", "Harbour Watch"},
		{"French, un porte-parole de ORG a déclaré", "Amina Diallo spoke first. Un porte-parole de Harbour Watch a déclaré : « Les autorités doivent agir maintenant. »", "Harbour Watch"},
		{"Spanish, un vocero de ORG dijo", "Amina Diallo habló primero. Un vocero de la Fiscalía General de la Nación dijo: “Las autoridades deben actuar ya.”", "Fiscalía General de la Nación"},
		{"sources told Reuters that", "Amina Diallo spoke first. Sources told Reuters that “the authorities must act now”.", ""},
		{"after: a source close to told AFP", "Amina Diallo spoke first. “The authorities must act now,” a source close to the investigation told AFP.", ""},
		{"diplomats said", "Amina Diallo spoke first. Diplomats said “the authorities must act now”.", ""},
		{"after: witnesses said", "Amina Diallo spoke first. “The authorities must act now,” witnesses said.", ""},
		{"after: residents told Reuters", "Amina Diallo spoke first. “The authorities must act now,” residents told Reuters.", ""},
		{"after: one witness said", "Amina Diallo spoke first. “The authorities must act now,” one witness said.", ""},
		{"after: an eyewitness told the BBC", "Amina Diallo spoke first. “The authorities must act now,” an eyewitness told the BBC.", ""},
		{"local media quoted a police officer as saying", "Amina Diallo spoke first. Local media quoted a police officer as saying “the authorities must act now”.", ""},
		{"French, affirment des témoins", "Amina Diallo spoke first. « Les autorités doivent agir maintenant », affirment des témoins.", ""},
		{"Spanish, dijeron testigos", "Amina Diallo habló primero. “Las autoridades deben actuar ya”, dijeron testigos.", ""},
		{"after: the family said", "Amina Diallo spoke first. “The authorities must act now,” the family said in a statement.", ""},
		{"after: her family said", "Amina Diallo spoke first. “The authorities must act now,” her family said in a statement.", ""},
		{"after: her lawyer said, never named", "Amina Diallo spoke first. “The authorities must act now,” her lawyer said.", ""},
		{"her lawyer, X, said colon", "Amina Diallo spoke first. Her lawyer, Kofi Mensah, said: “The authorities must act now.”", "Kofi Mensah"},
		// Who spoke and who only heard: listeners, passives, verbs reported by other verbs, claims.
		{"X was told, by people not named", "Amina Diallo was told “you will never see your son again” by the officers.", ""},
		{"recalled being told colon", "Amina Diallo recalled being told: “You will never see your son again.”", ""},
		{"X asked Y colon", "Amina Diallo asked Kofi Mensah: “Where is my son and why was he taken?”", "Amina Diallo"},
		{"police told X colon", "Police told Amina Diallo: “You will never see your son again.”", ""},
		{"X wrote to Y colon", "Amina Diallo wrote to Kofi Mensah: “You will never see your son again.”", "Amina Diallo"},
		{"after: asked X", "“Where is my son and why was he taken?” asked Amina Diallo.", "Amina Diallo"},
		{"after: shouted X", "“Free them all now, free them all!” shouted Amina Diallo.", "Amina Diallo"},
		{"X said officers told him colon", "Kofi Mensah said officers told him: “You will never see your family again.”", ""},
		{"X said a guard had warned her that", "Amina Diallo said a guard had warned her that “nobody leaves this place alive”.", ""},
		{"X said the officers shouted", "Amina Diallo said the officers shouted “get down on the floor now” as they entered.", ""},
		{"X quoted Y as saying", "Amina Diallo quoted Kofi Mensah as saying “the elections will go ahead”.", "Kofi Mensah"},
		{"X cited Y, who said", "Amina Diallo cited Kofi Mensah, who said “the elections will go ahead as planned”.", "Kofi Mensah"},
		{"X, quoting Y, said colon", "Amina Diallo, quoting Kofi Mensah, said: “The elections will go ahead as planned.”", "Amina Diallo"},
		{"X responded to Y’s claim that", "Amina Diallo responded to Kofi Mensah’s claim that “the elections will go ahead as planned”.", "Kofi Mensah"},
		{"X rejected ORG’s allegation that", "Amina Diallo rejected Harbour Watch’s allegation that “the elections were rigged from the start”.", "Harbour Watch"},
		{"X was told by Y that", "Amina Diallo was told by Kofi Mensah that “her son would be released on Friday”.", "Kofi Mensah"},
		{"X expressed concern and warned that", "Amina Diallo expressed concern about the verdict and warned that “the courts have become a tool of the party”.", "Amina Diallo"},
		{"Spanish, X explicó que … destaca", "Amina Diallo explicó que, pese al contexto, en el país destaca “el control de los medios de comunicación por el gobierno”.", "Amina Diallo"},
		// Releases and interviews introduced before the speaker.
		{"Portuguese, em nota, ORG afirmou que", "Em nota, o Movimento dos Trabalhadores Rurais Sem Terra afirmou que “a violência no campo não pode continuar impune”.", "Movimento dos Trabalhadores Rurais Sem Terra"},
		{"Portuguese, por meio de nota, ORG informou que", "Por meio de nota, a Polícia Militar informou que “os policiais agiram dentro da lei durante a operação”.", "Polícia Militar"},
		{"Spanish, en un comunicado, ORG señaló que", "En un comunicado, la Fiscalía General de la Nación señaló que “no habrá impunidad en este caso”.", "Fiscalía General de la Nación"},
		{"Spanish, a través de un comunicado, X indicó colon", "A través de un comunicado, Jorge Ramírez indicó: “No habrá impunidad en este caso.”", "Jorge Ramírez"},
		{"Spanish, en declaraciones a la prensa, X dijo colon", "En declaraciones a la prensa, Jorge Ramírez dijo: “No habrá impunidad en este caso.”", "Jorge Ramírez"},
		{"Spanish, en entrevista con este medio, X aseguró que", "En entrevista con este medio, Jorge Ramírez aseguró que “no habrá impunidad en este caso”.", "Jorge Ramírez"},
		{"French, dans un entretien au Monde, X a estimé que", "Dans un entretien au Monde, Amina Diallo a estimé que « la répression ne fait que commencer ».", "Amina Diallo"},
		{"French, interrogée par l’AFP, X a répondu", "Interrogée par l’AFP, Amina Diallo a répondu : « La répression ne fait que commencer. »", "Amina Diallo"},
		{"after: ORG’s X said", "“The verdict is a travesty of justice,” Harbour Watch’s Amina Diallo said.", "Amina Diallo"},
		{"X, for her part, said", "Amina Diallo, for her part, said “the verdict is a travesty of justice”.", "Amina Diallo"},
		{"Dutch, in een verklaring zei ORG", "In een verklaring zei Amnesty International: „De autoriteiten moeten alle gevangenen vrijlaten.”", "Amnesty International"},
		{"Dutch, volgens ORG", "Volgens Amnesty International is het vonnis „een aanfluiting van de rechtsstaat”.", "Amnesty International"},
		// A quotation standing alone, signed on the line under it, as
		// releases and quote cards do without a dash.
		{"a credit line under the quotation", "Harbour Watch condemned the verdict.\n\n“We will not be silenced by a court that answers to the ruling party.”\nAmina Diallo, Director of Harbour Watch\n\nThe group will appeal.", "Amina Diallo"},
		{"a credit line with the role first", "“We will not be silenced by a court that answers to the ruling party.”\nHarbour Watch director Amina Diallo", "Amina Diallo"},
		{"a sentence under the quotation is no credit", "Harbour Watch condemned the verdict.\n\n“We will not be silenced by a court that answers to the ruling party.”\n\nAmina Diallo was arrested in May\n\nThe group will appeal.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLastSpeaker(t, rec, tt.text, tt.want)
		})
	}
}

// Quoted names, titles and slogans that no one is reported as saying.
func TestExtract_stylesNoQuotation(t *testing.T) {
	rec := recognizer(t)
	for _, text := range []string{
		"Amnesty International launched a campaign called “Write for rights and free them now” in December.",
		"Protesters carried banners saying “Free all political prisoners now” outside the court.",
		"The report, entitled “Silenced voices of the river communities”, was published on Monday.",
		"Human Rights Watch’s new report “Silenced voices of the river communities” documents 40 cases.",
		"The government’s “war on drugs and crime” campaign has killed thousands.",
		"The so-called “foreign agents law of the republic” was passed in May.",
		"Marchers walked under the banner “Justice for all victims now” through the city.",
		"The law, known as the “Foreign Agents Act of the Republic”, was passed in May.",
		"Thousands joined the “Stop the killings now” campaign in May.",
		"A sign read: “No justice for us, no peace for you”.",
		"Police launched an operation dubbed “Clean the streets of crime” in May.",
		// Offences named after a penalty, a charge, a suspicion.
		"Kofi Mensah was sentenced to two years in prison for “insulting the head of state”.",
		"She faces up to five years in jail for “inciting hatred against the state”.",
		"Kofi Mensah was accused of being “an agent of foreign powers”.",
		"Kofi Mensah was arrested on suspicion of “undermining the authority of the state”.",
		"Amina Diallo a été condamnée à deux ans de prison pour « outrage au chef de l’État ».",
		"Jorge Ramírez fue condenado a tres años de prisión por “instigación a delinquir y terrorismo”.",
		"Kofi Mensah was charged with having “insulted the president on social media”.",
		"The court found him guilty of “spreading false news about the army”.",
		"He was fined for “disturbing public order and peace”.",
		"Prosecutors accuse him of “membership of a banned organization”.",
		"The charge of “spreading false information about the army” carries five years.",
		"Kofi Mensah is being held on charges that include “treason and terrorism financing”.",
		// A chant, named after the quotation.
		"Amina Diallo spoke first. “The authorities must act now,” protesters chanted.",
		"« Les autorités doivent agir maintenant », scandaient les manifestants.",
	} {
		if got := quotes.Extract(text, rec.Find(text)); len(got) != 0 {
			t.Errorf("%s: got %q, want no quotation", text, texts(got))
		}
	}
}

// TestExtract_stylesSequence: paragraphs of several quotations, each
// speaker in turn, as releases and news copy set them out.
func TestExtract_stylesSequence(t *testing.T) {
	rec := recognizer(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"two speakers, each with a second passage", "“The verdict is a travesty,” said Amina Diallo of Harbour Watch. “We will appeal it.”\n\nKofi Mensah, the defence lawyer, disagreed. “The court followed the law,” he said. “Nobody was denied a hearing.”", []string{"Amina Diallo", "Amina Diallo", "Kofi Mensah", "Kofi Mensah"}},
		{"a quoted paragraph goes on, an official after a paragraph of none", "Amina Diallo said: “The verdict is a travesty of justice.”\n\n“We will appeal it to the Supreme Court.”\n\nThe government did not respond.\n\n“Nobody was denied a hearing,” a ministry official said.", []string{"Amina Diallo", "Amina Diallo", ""}},
		{"a surname before the full name, a possessive in the tag", "“The verdict is a travesty of justice,” Diallo said, referring to Kofi Mensah’s sentence. Amina Diallo leads Harbour Watch.", []string{"Amina Diallo"}},
		{"she said, she added, then he said after a new person", "Harbour Watch director Amina Diallo said the ruling was unjust.\n\n“The verdict is a travesty of justice,” she said.\n\n“We will appeal it to the Supreme Court,” she added.\n\nKofi Mensah, a government spokesman, rejected the criticism.\n\n“Nobody was denied a hearing,” he said.", []string{"Amina Diallo", "Amina Diallo", "Kofi Mensah"}},
		{"two surnames after both were named", "Amina Diallo and Kofi Mensah spoke after the hearing.\n\n“The verdict is a travesty of justice,” said Diallo.\n\n“Nobody was denied a hearing,” said Mensah.", []string{"Amina Diallo", "Kofi Mensah"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotes.Extract(tt.text, rec.Find(tt.text))
			var sp []string
			for _, q := range got {
				sp = append(sp, q.Speaker)
			}
			if len(sp) != len(tt.want) {
				t.Fatalf("%s\n got %q want %q", tt.text, sp, tt.want)
			}
			for i := range sp {
				if sp[i] != tt.want[i] {
					t.Errorf("%s\n got %q want %q", tt.text, sp, tt.want)
					break
				}
			}
		})
	}
}
