package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// pairs lists the relations of type typ as "from|to" (MET_WITH ends sorted).
func pairs(res Result, typ string) []string {
	var out []string
	for _, r := range relations(res, typ) {
		a, b := r.From, r.To
		if typ == "MET_WITH" && b < a {
			a, b = b, a
		}
		if typ == "ATTENDED" {
			b = "event"
		}
		out = append(out, a+"|"+b)
	}
	sort.Strings(out)
	return out
}

// met is the pairs entry of a MET_WITH between a and b.
func met(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "|" + b
}

// TestRelationRules checks the relation rules of meetings, signings and
// attendance, each on a short sentence of its own. The cases the engine does
// not pass yet are scenarios listed in testdata/scenarios/FAILING.md.
func TestRelationRules(t *testing.T) {
	x := unitExtractor(t)
	const (
		xi    = "person:xi-jinping"
		putin = "person:vladimir-putin"
		fidan = "person:hakan-fidan"
	)
	tests := []struct {
		name string
		text string
		typ  string
		want []string // pairs(res, typ), sorted
	}{
		{"a counterpart holds the office of the one it is the counterpart of",
			"التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين، بحضور وزير الخارجية ميخائيل سيدوروف.\nوفي وقت لاحق، أجرى وزير الخارجية التركي هاكان فيدان محادثات مع نظيره الروسي.",
			"MET_WITH", []string{met(fidan, "person:mikhail-sidorov"), met(xi, putin)}},
		{"a title with a nationality adjective is no minister of another country",
			"استقبل الرئيس فلاديمير بوتين وزير الخارجية التركي هاكان فيدان.\nوفي وقت لاحق، التقى الرئيس شي جين بينغ الوزير الروسي.",
			"MET_WITH", []string{met(fidan, putin)}},
		{"a session held with a counterpart", "عقد الرئيس شي جين بينغ في وقت لاحق جلسة منفصلة مع الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, putin)}},
		{"quoted name after a title", "استقبل الرئيس الروسي \"فلاديمير بوتين\"، نظيره الصيني \"شي جين بينغ\" في موسكو.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a blessing in quotes is no name", "استقبل الرئيس \"حفظه الله\" الرئيس شي جين بينغ.",
			"MET_WITH", nil},
		// Received together, the guests are principals of one meeting of
		// three: every pair meets (eval/ar/ANNOTATION.md).
		{"coordinated guests are principals", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين ووزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(fidan, putin), met(fidan, xi), met(xi, putin)}},
		{"ثم مع: each object meets the subject only", "وعقد الرئيس شي جين بينغ محادثات مع الرئيس فلاديمير بوتين، ثم مع وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(fidan, xi), met(xi, putin)}},
		{"quoted known name after a title is no title-only holder", "ناقش الرئيس الصيني \"شي جين بينغ\" مع الرئيس الروسي \"فلاديمير بوتين\" العلاقات.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a discussion verb with مع further on", "بحث الرئيس شي جين بينغ، اليوم في بكين، مع الرئيس فلاديمير بوتين سبل التعاون.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a discussion verb with no مع is no meeting", "بحث الرئيس شي جين بينغ خطة التعاون مع روسيا.",
			"MET_WITH", nil},
		{"his meeting: the pronoun is the person named before", "أشاد الرئيس شي جين بينغ بالعلاقات.\nونقلت الوكالة قوله خلال اجتماعه مع الرئيس فلاديمير بوتين إن التعاون يتقدم.",
			"MET_WITH", []string{met(xi, putin)}},
		{"التقى with one person takes no pronoun reading", "أشاد الرئيس شي جين بينغ بالعلاقات.\nوقد التقى وزير الخارجية التركي هاكان فيدان بكل من رئيسي الوفدين.",
			"MET_WITH", nil},
		{"a future light verb far before the noun", "كما سيعقد الرئيس شي جين بينغ اجتماع عمل مع الرئيس فلاديمير بوتين.",
			"MET_WITH", nil},
		{"signers of one treaty do not sign the one they then witness", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nووقع الرئيسان \"إعلان الصداقة\"، ثم شهدا توقيع \"مذكرة تفاهم الطاقة\"، وقعها وزير الخارجية التركي هاكان فيدان.",
			"SIGNED", []string{putin + "|treaty:ar-اعلان-الصداقه", xi + "|treaty:ar-اعلان-الصداقه", fidan + "|treaty:ar-مذكره-تفاهم-الطاقه"}},
		{"a definite memorandum refers to the dual title", "أبرمت تركيا وروسيا مذكرتي تفاهم في مجالي الطاقة والنقل.\nووقع على مذكرة التفاهم وزير الخارجية التركي هاكان فيدان.",
			"SIGNED", []string{"country:ru|treaty:ar-مذكرتي-تفاهم-في-مجالي-الطاقه-والنقل", "country:tr|treaty:ar-مذكرتي-تفاهم-في-مجالي-الطاقه-والنقل", fidan + "|treaty:ar-مذكرتي-تفاهم-في-مجالي-الطاقه-والنقل"}}, // the states concluded them
		{"a signing noun after its signers", "استبق الرئيس شي جين بينغ والرئيس فلاديمير بوتين القمة بتوقيع مذكرة تفاهم للتعاون في الطاقة.",
			"SIGNED", []string{putin + "|treaty:ar-مذكره-تفاهم-للتعاون-في-الطاقه", xi + "|treaty:ar-مذكره-تفاهم-للتعاون-في-الطاقه"}},
		{"a reception in honour of a guest is a meeting", "أقام الرئيس شي جين بينغ حفل استقبال رسمي على شرف الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, putin)}},
		{"greeting the guest at a reception is attendance", "أقام الرئيس شي جين بينغ حفل استقبال رسمي على شرف الرئيس فلاديمير بوتين.\nوتقدم للسلام على الضيف وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", []string{fidan + "|event"}},
		{"a group received, the guests listed in lines after: each meets the host", "استقبل الرئيس شي جين بينغ اليوم في بكين عددا من الوزراء.\nوهم:\n- الرئيس فلاديمير بوتين،\n- وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(fidan, xi), met(xi, putin)}},
		{"a group received, no list: no meeting", "استقبل الرئيس شي جين بينغ اليوم عددا من الوزراء.\nوأشاد الرئيس فلاديمير بوتين بالعلاقات مع وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", nil},
		{"the sender of a message handed over is no principal", "وصل وزير الخارجية التركي هاكان فيدان إلى بكين، حيث التقى الرئيس شي جين بينغ وسلمه رسالة من الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(fidan, xi)}},
		{"في حضور lists an attendee, no principal", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين في حضور وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", []string{fidan + "|event"}},
		{"في حضور: the attendee meets nobody", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين في حضور وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
		{"an honorific with و starts the next attendee", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين بحضور وزير الخارجية التركي هاكان فيدان، والشيخ سالم بن راشد الكعبي.",
			"ATTENDED", []string{fidan + "|event", "person:ar-سالم-بن-راشد-الكعبي|event"}},
		{"the attendee list goes on after a full stop with a side", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nحضر اللقاء الشيخ سالم بن راشد الكعبي. ومن الجانب التركي وزير الخارجية هاكان فيدان.",
			"ATTENDED", []string{fidan + "|event", "person:ar-سالم-بن-راشد-الكعبي|event"}},
		{"a sentence with a side after no attendance list lists no one", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوأشاد الضيف بالعلاقات. ومن الجانب التركي أكد وزير الخارجية هاكان فيدان الدعم.",
			"ATTENDED", nil},
		{"taking part in the meeting's own sentence stays a principal", "ترأس الرئيس شي جين بينغ اجتماعا للقادة، شارك فيه الرئيس فلاديمير بوتين ووزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", nil},
		{"receiving credentials is a meeting", "تسلم الرئيس شي جين بينغ اليوم أوراق اعتماد سفير تركيا السيد كمال أوزتورك.",
			"MET_WITH", []string{met(xi, "person:ar-كمال-اوزتورك")}},
		{"presenting credentials is a meeting, with a qualified title", "قدم سفير تركيا الجديد كمال أوزتورك أوراق اعتماده إلى الرئيس شي جين بينغ.",
			"MET_WITH", []string{met(xi, "person:ar-كمال-اوزتورك")}},
		{"credentials of a list of envoys: each meets the host only", "تقبل الرئيس شي جين بينغ أوراق اعتماد كل من سفير تركيا كمال أوزتورك، وسفير روسيا يوري بتروف.",
			"MET_WITH", []string{met(xi, "person:ar-كمال-اوزتورك"), met(xi, "person:ar-يوري-بتروف")}},
		{"credentials presented in a past career are no meeting", "وكان وزير الخارجية التركي هاكان فيدان قد قدم أوراق اعتماده عام 2010.",
			"MET_WITH", nil},
		{"credentials, then another guest: each meets the host", "تسلم الرئيس شي جين بينغ أوراق اعتماد سفير تركيا كمال أوزتورك، ثم استقبل الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, "person:ar-كمال-اوزتورك"), met(xi, putin)}},
		{"a title with its own country after another title is a second person", "استقبل الرئيس شي جين بينغ وزير الخارجية التركي هاكان فيدان.\nثم التقى رئيس الجمهورية سفير روسيا كمال أوزتورك.",
			"MET_WITH", []string{met(fidan, xi), met(xi, "person:ar-كمال-اوزتورك")}},
		{"a witnessing verb ends the clause of talks", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوعقد الرئيسان جلسة مباحثات، ثم شهدا توقيع \"مذكرة تفاهم الطاقة\"، وقعها وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
		{"the agreement signed is the one of its kind named last", "وقعت تركيا وروسيا اليوم اتفاقية لتجنب الازدواج الضريبي، ومذكرة تفاهم بشأن المشاورات السياسية.\nووقع الاتفاقية وزير الخارجية التركي هاكان فيدان.",
			"SIGNED", []string{ // the states signed both (eval/ar/ANNOTATION.md); the minister, the agreement
				"country:ru|treaty:ar-اتفاقيه-لتجنب-الازدواج-الضريبي", "country:ru|treaty:ar-مذكره-تفاهم-بشان-المشاورات-السياسيه",
				"country:tr|treaty:ar-اتفاقيه-لتجنب-الازدواج-الضريبي", "country:tr|treaty:ar-مذكره-تفاهم-بشان-المشاورات-السياسيه",
				fidan + "|treaty:ar-اتفاقيه-لتجنب-الازدواج-الضريبي"}},
		{"attendance of a signing with no meeting", "ووقع وزير الخارجية التركي هاكان فيدان والرئيس فلاديمير بوتين \"اتفاقية التعاون\".\nوجرى التوقيع بحضور الرئيس شي جين بينغ.",
			"ATTENDED", []string{xi + "|event"}},
		{"an honorific that folds like حضر lists no attendee", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوسينقل الضيف رسالة إلى حضرة صاحب السمو الشيخ سالم بن راشد الكعبي.",
			"ATTENDED", nil},
		{"a planned attendance is none", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nومن المقرر أن يحضر وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", nil},
		{"the guest reference is the guest of the meeting of two", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين، بحضور وزير الخارجية التركي هاكان فيدان.\nوكان وزير الخارجية التركي قد أقام مراسم استقبال رسمية للضيف الروسي.",
			"MET_WITH", []string{met(xi, putin), met(fidan, putin)}},
		{"an honorific pronoun is the host", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوعقب اللقاء شهد فخامته توقيع \"مذكرة تفاهم الطاقة\"، وقعها وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", []string{xi + "|event"}},
		{"an honorific pronoun creates no person", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوعقب اللقاء شهد جلالته توقيع \"مذكرة تفاهم الطاقة\"، وقعها وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
		{"spouses meeting are not the leaders", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nكما التقت عقيلة الرئيس الصيني سلمى حسن مع حرم الرئيس الروسي ليلى كريم.",
			"MET_WITH", []string{met(xi, putin), met("person:ar-سلمي-حسن", "person:ar-ليلي-كريم")}},
		{"a name between slashes after a title and an adjective", "استقبل الرئيس شي جين بينغ رئيس الوزراء التركي /كمال أوزتورك/ في بكين.",
			"MET_WITH", []string{met(xi, "person:ar-كمال-اوزتورك")}},
		{"leaders present at their ministers' signing attend it", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوفي ختام المباحثات وقع وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف، بحضور الرئيسين، اتفاقية للتعاون الثقافي.",
			"ATTENDED", []string{putin + "|event", xi + "|event"}},
		{"leaders present at their ministers' signing sign nothing", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوفي ختام المباحثات وقع وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف، بحضور الرئيسين، اتفاقية للتعاون الثقافي.",
			"SIGNED", []string{fidan + "|treaty:ar-اتفاقيه-للتعاون-الثقافي", "person:ar-يوري-بتروف|treaty:ar-اتفاقيه-للتعاون-الثقافي"}},
		{"كل من after a treaty title lists its signers", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nووقع اتفاقية النقل البحري كل من وزير الخارجية التركي هاكان فيدان ونظيره الروسي يوري بتروف، بحضور الرئيسين.",
			"SIGNED", []string{fidan + "|treaty:ar-اتفاقيه-النقل-البحري", "person:ar-يوري-بتروف|treaty:ar-اتفاقيه-النقل-البحري"}},
		{"a passive signing names its signers after the title", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوجرى التوقيع على اتفاقية النقل البحري بين وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف، بحضور الرئيسين.",
			"SIGNED", []string{fidan + "|treaty:ar-اتفاقيه-النقل-البحري", "person:ar-يوري-بتروف|treaty:ar-اتفاقيه-النقل-البحري"}},
		{"leaders present at a passive signing attend it", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوجرى التوقيع على اتفاقية النقل البحري بين وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف، بحضور الرئيسين.",
			"ATTENDED", []string{putin + "|event", xi + "|event"}},
		{"leaders present before the signing verb witness it", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوبحضور الرئيسين، وقع وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف اتفاقية النقل البحري.",
			"ATTENDED", []string{putin + "|event", xi + "|event"}},
		{"a message handed over: the carrier meets the recipient", "تسلم الرئيس شي جين بينغ اليوم رسالة خطية من الرئيس الروسي فلاديمير بوتين، نقلها إليه وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(fidan, xi)}},
		{"a message received with no carrier is no meeting", "تلقى الرئيس شي جين بينغ رسالة خطية من الرئيس الروسي فلاديمير بوتين تتعلق بالعلاقات الثنائية.",
			"MET_WITH", nil},
		{"the carrier of a message named in the next sentence", "تلقى الرئيس شي جين بينغ رسالة من الرئيس الروسي فلاديمير بوتين.\nونقل الرسالة وزير الخارجية التركي هاكان فيدان لدى لقائه الرئيس الصيني اليوم.",
			"MET_WITH", []string{met(fidan, xi)}},
		{"a carrier hands a message to a president", "سلمت سفيرة روسيا ليلى كريم الرئيس شي جين بينغ رسالة من الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, "person:ar-ليلي-كريم")}},
		{"attendees of a message handed over", "تسلم الرئيس شي جين بينغ رسالة شفهية من الرئيس فلاديمير بوتين نقلها وزير الخارجية التركي هاكان فيدان، بحضور السفير يوري بتروف.",
			"ATTENDED", []string{"person:ar-يوري-بتروف|event"}},
		{"the antecedent of a relative clause attends", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nويرافق الرئيس الروسي في زيارته وزير الخارجية التركي هاكان فيدان، الذي حضر المحادثات في القصر.",
			"ATTENDED", []string{fidan + "|event"}},
		{"a feminine relative clause with a feminine attendance verb", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nويرافق الرئيس الروسي في زيارته السفيرة ليلى كريم، التي حضرت المحادثات كذلك.",
			"ATTENDED", []string{"person:ar-ليلي-كريم|event"}},
		{"an envoy's posting city before the name", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين، بحضور السفير الروسي في بكين يوري بتروف.",
			"ATTENDED", []string{"person:ar-يوري-بتروف|event"}},
		{"a meeting expected later is no meeting", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nومن المنتظر أن يلتقي الرئيس الروسي غدا وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a plan of the same leaders does not undo their meeting", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nومن المنتظر أن يشارك الرئيسان في قمة إقليمية.",
			"MET_WITH", []string{met(xi, putin)}},
		{"taking part in a summit's session is no attendance of the meeting", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوشارك في الجلسة الافتتاحية للقمة وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", nil},
		{"the leaders of both countries present at a signing ceremony read later", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nثم جرت بحضور قائدي البلدين مراسم توقيع وثائق ثنائية، حيث وقع وزير الخارجية التركي هاكان فيدان ووزير الخارجية الروسي يوري بتروف مذكرة تفاهم للتعاون الثقافي.",
			"ATTENDED", []string{putin + "|event", xi + "|event"}},
		{"an honorific after the comma that follows a title and its country", "استقبل الرئيس شي جين بينغ الرئيس الروسي، السيد فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a known holder named after a comma and an honorific is no new person", "أجرى الرئيس شي جين بينغ مباحثات مع الرئيس الروسي، السيد فلاديمير بوتن.",
			"MET_WITH", []string{met(xi, putin)}},
		{"visiting a person is meeting him", "وزار وزير الخارجية التركي هاكان فيدان الرئيس فلاديمير بوتين في مقر إقامته.",
			"MET_WITH", []string{met(fidan, putin)}},
		{"visiting a country is no meeting", "وزار وزير الخارجية التركي هاكان فيدان روسيا الأسبوع الماضي.",
			"MET_WITH", nil},
		{"taking part with others in a meeting is meeting them", "وكان الرئيس فلاديمير بوتين قد شارك أمس مع الرئيس شي جين بينغ ووزير الخارجية التركي هاكان فيدان في الاجتماع.",
			"MET_WITH", []string{met(fidan, putin), met(xi, putin)}},
		{"taking part in a meeting with no one named after مع", "وشارك الرئيس فلاديمير بوتين أمس في القمة.",
			"MET_WITH", nil},
		{"talks widened to include ministers", "أجرى الرئيس شي جين بينغ مباحثات مع الرئيس فلاديمير بوتين.\nثم توسعت المباحثات لتشمل وزير الخارجية التركي هاكان فيدان.",
			"ATTENDED", []string{fidan + "|event"}},
		{"starting the day by meeting someone", "واستهل الرئيس شي جين بينغ لقاءاته صباحا بالاجتماع مع الرئيس فلاديمير بوتين.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a subject named by an office that resolves to no one is nobody known", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوفي سياق متصل، التقى المبعوث الروسي عصر اليوم وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
		{"a woman president's title with its country", "استقبل الرئيس شي جين بينغ رئيسة جمهورية تركيا ليلى كريم.",
			"MET_WITH", []string{met(xi, "person:ar-ليلي-كريم")}},
		{"a with-verb after a clause break has the sentence's subject", "ووصل الرئيس فلاديمير بوتين إلى بكين أمس، حيث شارك صباح اليوم مع الرئيس شي جين بينغ ووزير الخارجية التركي هاكان فيدان في الحوار الثلاثي.",
			"MET_WITH", []string{met(fidan, putin), met(xi, putin)}},
		{"the guest of a country is the visitor named first", "استقبل الرئيس شي جين بينغ الرئيس الروسي فلاديمير بوتين، بحضور وزير الخارجية الروسي يوري بتروف.\nثم وقع وزير الخارجية الروسي يوري بتروف ووزير الخارجية التركي هاكان فيدان مذكرة تفاهم للتعاون الثقافي.\nوكان وزير الخارجية التركي هاكان فيدان قد أجرى صباح اليوم محادثات مع ضيفه الروسي.",
			"MET_WITH", []string{met(fidan, putin), met(xi, putin)}},
		{"a meeting that brought the two together with a third", "التقى الرئيس فلاديمير بوتين وزير الخارجية التركي هاكان فيدان أمس، خلال الاجتماع الثلاثي الذي جمعهما بالرئيس شي جين بينغ.",
			"MET_WITH", []string{met(fidan, putin), met(fidan, xi), met(xi, putin)}},
		{"Friday is no meeting verb", "وصل الرئيس فلاديمير بوتين يوم الجمعة إلى بكين مع وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", nil},
		{"a spouse with no name is no one", "استقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوالتقت عقيلة الرئيس الصيني مع وزير الخارجية التركي هاكان فيدان.",
			"MET_WITH", []string{met(xi, putin)}},
	}
	for _, tc := range tests {
		sort.Strings(tc.want)
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Date: "2024-03-01", Text: tc.text})
			got := pairs(res, tc.typ)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s: got %v, want %v", tc.typ, got, tc.want)
				for _, r := range res.Relations {
					t.Logf("%s %s %s %s", r.Type, r.From, r.To, r.Rule)
				}
			}
		})
	}
}

// TestHostVenue checks that a host's later meetings of the day keep the venue
// of the first. The cases the engine does not pass yet are scenarios (venue-*)
// listed in testdata/scenarios/FAILING.md.
func TestHostVenue(t *testing.T) {
	x := unitExtractor(t)
	tests := []struct {
		name, text, want string // want: the venue of the meeting with Fidan
	}{
		{"the same day", "استقبل الرئيس شي جين بينغ اليوم في قصر الشعب الرئيس فلاديمير بوتين.\nثم استقبل الرئيس شي جين بينغ وزير الخارجية التركي هاكان فيدان.", "venue:ar-قصر-الشعب"},
		{"another host", "استقبل الرئيس شي جين بينغ اليوم في قصر الشعب الرئيس فلاديمير بوتين.\nثم استقبل الرئيس فلاديمير بوتين وزير الخارجية التركي هاكان فيدان.", ""},
		{"another day", "استقبل الرئيس شي جين بينغ اليوم في قصر الشعب الرئيس فلاديمير بوتين.\nوكان الرئيس شي جين بينغ قد استقبل في 3 يناير 2024 وزير الخارجية التركي هاكان فيدان.", ""},
		{"a sideline meeting of an event with no venue", "انطلقت اليوم أعمال القمة بمشاركة الرئيس شي جين بينغ في قاعة الشعب الكبرى.\nوعلى هامش المؤتمر، التقى الرئيس فلاديمير بوتين وزير الخارجية التركي هاكان فيدان.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Date: "2024-03-01", Text: tc.text})
			got, found := "", false
			for _, r := range relations(res, "MET_WITH") {
				if r.From == "person:hakan-fidan" || r.To == "person:hakan-fidan" {
					got, found = str(r.Properties["venue"]), true
				}
			}
			if !found || got != tc.want {
				t.Errorf("venue %q (meeting found: %v), want %q", got, found, tc.want)
			}
		})
	}
}
