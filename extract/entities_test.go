package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/norm"

	"github.com/dipgraph/dipgraph/schema"
)

// hasEntity reports an entity of type typ known by name: its name, one of its
// aliases or a mention's text, compared after folding, as score.py matches a
// found entity (a treaty keeps its longest form as its name and the shorter
// forms readers cite it by as aliases; a form cut after a word keeps no
// diacritic that ends the word: إعلاناً مشتركا).
func hasEntity(res Result, typ, name string) bool {
	want := norm.Fold(name)
	for _, e := range res.Entities {
		if e.Type != typ {
			continue
		}
		forms := append([]string{e.Name}, e.Aliases...)
		for _, m := range e.Mentions {
			forms = append(forms, m.Text)
		}
		for _, f := range forms {
			if norm.Fold(f) == want {
				return true
			}
		}
	}
	return false
}

func countType(res Result, typ string) int {
	n := 0
	for _, e := range res.Entities {
		if e.Type == typ {
			n++
		}
	}
	return n
}

func TestEntityRules(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name string
		text string
		typ  string
		want string // an entity name or mention text that must be found
		not  string // one that must not be found
	}{
		{"a portfolio after a title is no name", "حضر اللقاء السيد سالم بن راشد نائب رئيس الوزراء لشؤون الدفاع.", schema.Person, "سالم بن راشد", "لشؤون الدفاع"},
		{"org adjective after a definite noun", "وصل الوفد إلى العاصمة العمانية مسقط أمس.", schema.Organization, "", "Oman News Agency"},
		{"city name read as a dual noun", "وقف الرئيسان أمام العلمين التركي والفلسطيني.", schema.City, "", "New Alamein"},
		{"city with its own country's adjective", "زار الوزير مدينة العلمين المصرية.", schema.City, "New Alamein", ""},
		{"state company", "حضر رئيس شركة روساتوم الاجتماع.", schema.Organization, "Rosatom", ""},
		{"minister with Persian spelling", "استقبل الرئيس وزير الاستخبارات إبراهیم قالن.", schema.Person, "Ibrahim Kalin", ""},
		{"adjective after a treaty noun", "تربط البلدين علاقات وثيقة وقوية منذ عقود.", schema.Treaty, "", "وثيقة وقوية منذ عقود"},
		{"list of documents after a treaty noun", "وقع الجانبان اتفاقية وبرنامج تعاون في المجال الثقافي.", schema.Treaty, "", "اتفاقية وبرنامج تعاون"},
		{"capitals as parties of a memorandum", "وقع الوزيران مذكرة تفاهم بين القاهرة والرياض لإنشاء لجنة للتشاور السياسي.", schema.Treaty, "مذكرة تفاهم بين القاهرة والرياض لإنشاء لجنة للتشاور السياسي", ""},
		{"quoted title closed after the signers", "وقع الجانبان على \" مذكرة تفاهم لتبادل الأخبار بين وكالة الأنباء السعودية ووكالة أنباء الإمارات بين وزير الإعلام السعودي ووزير الاقتصاد الإماراتي\".", schema.Treaty, "مذكرة تفاهم لتبادل الأخبار بين وكالة الأنباء السعودية ووكالة أنباء الإمارات", ""},
		{"an announcement made in advance is no declaration", "صدر إعلان مسبق عن موعد الزيارة.", schema.Treaty, "", "إعلان مسبق"},
		{"a plan title with a range of years", "وقع الوزيران خطة عمل 2025-2026 بشأن التعاون بين وزارتي الخارجية المصرية والأردنية.", schema.Treaty, "خطة عمل 2025-2026 بشأن التعاون بين وزارتي الخارجية المصرية والأردنية", ""},
		{"a definite memorandum refers back", "وقع الوزيران مذكرتي تفاهم في مجالي الصحة والتعليم. وتهدف مذكرة التفاهم إلى تعزيز التعاون.", schema.Treaty, "مذكرة التفاهم", ""},
		{"a purpose goes on after a preposition", "وقع الوزيران اتفاقية لتجنب الازدواج الضريبي ومنع التهرب من الضرائب المفروضة على الدخل بين البلدين.", schema.Treaty, "اتفاقية لتجنب الازدواج الضريبي ومنع التهرب من الضرائب المفروضة على الدخل", ""},
		{"a purpose stops before an occasion", "وقع الوزيران مذكرة تفاهم للتعاون في مجال الطاقة المتجددة على هامش الزيارة.", schema.Treaty, "مذكرة تفاهم للتعاون في مجال الطاقة المتجددة", "مذكرة تفاهم للتعاون في مجال الطاقة المتجددة على هامش الزيارة"},
		{"an invitation to visit is no name", "وجه الوزير دعوة إلى رئيس الوزراء الهندي لزيارة بلاده.", schema.Person, "", "لزيارة بلاده"},
		{"an indefinite office noun is no name", "عُين نائباً لرئيس الوزراء ووزيراً للخارجية في الأردن.", schema.Person, "", "ووزيراً للخارجية"},
		{"a name with hamza on its alif has no article", "استقبل الملك السيدة إليزابيث فيلدمان، سفيرة النمسا.", schema.Person, "إليزابيث فيلدمان", ""},
		{"a spouse is a person of her own", "التقت عقيلة الرئيس التركي السيدة سلمى قاسم في أنقرة.", schema.Person, "سلمى قاسم", ""},
		{"an honorific pronoun is no person", "استقبل الرئيس التركي الوزير هاكان فيدان، وأكد فخامته عمق العلاقات.", schema.Person, "", "فخامته"},
		{"a linked name after a long title", "حضر الاستقبال رئيس الاتحاد الوطني لكرة اليد سالم بن حسن الكعبي.", schema.Person, "سالم بن حسن الكعبي", ""},
		{"a place named with بن is no person", "وصل الوزير إلى مدينة بن قردان أمس.", schema.Person, "", "مدينة بن قردان"},
		{"a generic hall is no venue", "اجتمع الوزيران في قاعة الاجتماعات في المجمع.", schema.Venue, "", "قاعة الاجتماعات"},
		{"a residence named in quotes is the venue", "أقيمت المراسم في مقر إقامة \"كوكساراي\"، حيث التقى الرئيسان.", schema.Venue, "كوكساراي", "مقر إقامة"},
		{"a generic seat completed by its body", "عقد المجلس اجتماعه في مقر الأمانة العامة للمجلس بالرياض.", schema.Venue, "مقر الأمانة العامة للمجلس", "مقر الأمانة العامة"},
		// Treaty names keep where the document was signed or acts, and are
		// also known without it: the title is the bare noun phrase.
		{"a place after a bare treaty noun is no title", "وقع الرئيسان إعلاناً مشتركاً في طشقند أمس.", schema.Treaty, "إعلاناً مشتركاً", "إعلاناً مشتركاً في طشقند أمس"},
		{"the parties end a title", "أكد الرئيس أن اتفاقية الشراكة بين موسكو وطهران تعطي البلدين دفعة جديدة.", schema.Treaty, "اتفاقية الشراكة بين موسكو وطهران", "اتفاقية الشراكة بين موسكو وطهران تعطي البلدين دفعة جديدة"},
		{"a field after a title is part of it", "وقع الوزيران مذكرة تفاهم للتعاون في مجال الطاقة في الرياض.", schema.Treaty, "مذكرة تفاهم للتعاون في مجال الطاقة", ""},
		{"a generic seat completed by an organisation", "عقد الوزراء اجتماعهم في مقر الأمانة العامة لمجلس التعاون بالرياض.", schema.Venue, "مقر الأمانة العامة لمجلس التعاون", "مقر الأمانة العامة"},
		{"a hyphen with no space joins a double name", "التقى الوزير سفير ألمانيا كورت جورج شتوكل-شتيلفريد في بيروت.", schema.Person, "كورت جورج شتوكل-شتيلفريد", ""},
		{"a spaced dash ends a name", "استقبل الوزير السفير كمال أوزتورك - بحسب البيان - في مكتبه.", schema.Person, "كمال أوزتورك", ""},
		{"a generic seat of a named office", "استقبل الرئيس السفير بمقر رئاسة الجمهورية اليوم.", schema.Venue, "مقر رئاسة الجمهورية", ""},
		{"a generic hall with where it is is no venue", "عقد الجانبان اجتماعا في قاعة الاجتماعات بالأمانة العامة.", schema.Venue, "", "قاعة الاجتماعات بالأمانة"},
		{"a visit's length is no name", "وصل الرئيس الأردني في زيارة دولة تستغرق يومين.", schema.Person, "", "تستغرق يومين"},
		{"a minister's portfolio completes the bare title", "استقبل الرئيس وزير الإعلام الغاني كوفي مينسا في مكتبه.", schema.Person, "كوفي مينسا", ""},
		{"a portfolio of two nouns joined by و", "حضر اللقاء وزير الصحة والسكان خالد عبد المنعم.", schema.Person, "خالد عبد المنعم", "عبد المنعم"},
		{"a portfolio after a bare feminine title with و", "حضر اللقاء وزير الطاقة سالم حمد، ووزيرة التضامن الاجتماعي سعاد كامل.", schema.Person, "سعاد كامل", ""},
		{"a short form that a longer unknown name goes on from", "استقبل الرئيس وزير التموين شريف فاروق في مكتبه.", schema.Person, "شريف فاروق", "Shehbaz Sharif"},
		{"a surname starting with و ends the name", "حضر اللقاء وزير الطاقة الكيني أوبيو واندايي، ووزير المالية جون مبادي.", schema.Person, "أوبيو واندايي", ""},
		{"و and a two-word name start the next item", "حضر اللقاء وزير الطاقة سالم حمد وماريو لوبيز من الجانب الآخر.", schema.Person, "سالم حمد", "سالم حمد وماريو"},
		{"a title ends a generic seat's name", "استقبل رئيس الوزراء بمقر رئاسة الوزراء المبعوث الروسي يوري بتروف.", schema.Venue, "مقر رئاسة الوزراء", "مقر رئاسة الوزراء المبعوث"},
		{"van after a proclitic-looking letter is a name word", "حضر اللقاء السفير الفيتنامي هوانغ فان ثونغ.", schema.Person, "هوانغ فان ثونغ", ""},
		{"a portfolio after a preposition and the article", "حضر اللقاء وزير الدولة للشؤون الاقتصادية سالم حمد.", schema.Person, "سالم حمد", ""},
		{"a portfolio goes on with و and the article", "حضر اللقاء وزير الطاقة والثروة المعدنية الإندونيسي بودي سانتوسو.", schema.Person, "بودي سانتوسو", ""},
		{"a trigger verb with the article is a portfolio noun", "حضر اللقاء وزير التعليم العالي والبحث العلمي أيمن عاشور.", schema.Person, "أيمن عاشور", ""},
		{"a portfolio led by لشؤون", "حضر اللقاء المفوضة الأوروبية لشؤون المتوسط دوبرافكا شويتسا.", schema.Person, "دوبرافكا شويتسا", ""},
		{"a generic minister with a portfolio is no known holder", "حضر اللقاء وزير الزراعة التركي سالم حمد.", schema.Person, "سالم حمد", ""},
		{"a definite first name before ولد", "حضر اللقاء الوزير الأول المختار ولد اجاي.", schema.Person, "المختار ولد اجاي", ""},
		{"an adjective kept out of names qualifies a portfolio", "حضر اللقاء وزير الأمن الوطني الكيني سالم حمد.", schema.Person, "سالم حمد", ""},
		{"و before a name after a side appositive joins a list", "حضر اللقاء وزير الخارجية سالم حمد عن الجانب التركي وماريو لوبيز عن الجانب الروسي.", schema.Person, "ماريو لوبيز", "وماريو لوبيز"},
		{"a hall of bilateral meetings is no venue", "التقى الرئيسان في قاعة اللقاءات الثنائية بمركز المؤتمرات.", schema.Venue, "", "قاعة اللقاءات الثنائية"},
		{"a vice president of a body", "حضر اللقاء نائب رئيس المفوضية الأوروبية ماروش شيفتشوفيتش.", schema.Person, "ماروش شيفتشوفيتش", ""},
		{"a rank with its grade is no name", "استقبل الوزير رئيس الأركان الفريق أول ركن سليمان داود حمدان في مكتبه.", schema.Person, "سليمان داود حمدان", "أول ركن"},
		{"a rank's grade does not start the name", "حضر اللقاء قائد القوات الجوية اللواء الطيار خالد منصور العتيبي.", schema.Person, "خالد منصور العتيبي", "الطيار خالد منصور العتيبي"},
		{"a pronoun after a state visit is no name", "وصل الرئيس الغاني إلى أديس أبابا في زيارة دولة هي الثانية له.", schema.Person, "", "هي الثانية"},
		{"an adjective agreeing with دولة is no name", "تشارك إندونيسيا في المجموعة بصفة دولة مراقبة.", schema.Person, "", "مراقبة"},
		{"adjectives of a state are no name", "قال الوزير إن قيام دولة مستقلة ذات سيادة لن يتأخر.", schema.Person, "", "مستقلة ذات سيادة لن"},
		{"greetings carried to a president are no name", "ونقل الوزير للرئيس تحيات أمير البلاد وتمنياته.", schema.Person, "", "تحيات أمير البلاد"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tt.text, Date: "2025-06-01"})
			if tt.want != "" && !hasEntity(res, tt.typ, tt.want) {
				t.Errorf("%s %q not found; %d %s entities: %+v", tt.typ, tt.want, countType(res, tt.typ), tt.typ, res.Entities)
			}
			if tt.not != "" {
				for _, e := range res.Entities {
					if e.Type == tt.typ && (e.Name == tt.not || len(e.Mentions) > 0 && e.Mentions[0].Text == tt.not) {
						t.Errorf("unexpected %s %q", tt.typ, e.Name)
					}
				}
			}
		})
	}
}

// TestTitleRoles checks the role a title gives the person named after it.
func TestTitleRoles(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name, text, id, role string // role "": none
	}{
		// The pack's title list names the portfolio's office: the bare
		// title (Minister) completed by its portfolio is that office.
		{"a portfolio completes a bare title", "حضر اللقاء وزير الإعلام الغاني كوفي مينسا.", "person:ar-كوفي-مينسا", "Minister of Information"},
		// الرئيس after مساعد is not the person's title (not President):
		// the pack knows the whole title, مساعد الرئيس.
		{"a title after an indefinite noun is not the person's", "حضر اللقاء مساعد الرئيس للشؤون الدولية سالم حمد.", "person:ar-سالم-حمد", "Presidential Aide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tt.text, Date: "2025-06-01"})
			e, ok := entityByID(res, tt.id)
			if !ok && tt.role != "" {
				t.Fatalf("%s not found: %+v", tt.id, res.Entities)
			}
			if got, _ := e.Properties["role"].(string); got != tt.role {
				t.Errorf("role %q, want %q", got, tt.role)
			}
		})
	}
}
