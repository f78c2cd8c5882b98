package library

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dubao/model"
)

func exportEdition() (*model.Edition, *model.Article) {
	a := model.Article{
		ID: "2-1", Kicker: "区公共资源交易中心", KickerTail: "——",
		Headline: "三“度”并重,推动党员冬训竞“优”走“新”", Subheadline: "靶向推进 有“力度”",
		Column: "2024,我们这么干!",
		Byline: model.Byline{Raw: "本报讯 (记者钱丽君)", Reporters: []string{"钱丽君"}},
		Body: []model.Block{
			{Type: model.Paragraph, Text: "冬训期间,针对交易分散、规则不一等问题,全力推进限额平台。"},
			{Type: model.Intertitle, Text: "初心坚守,“海易优服+N”有“温度”"},
			{Type: model.Paragraph, Text: "1. 提供*进现场*、送政策_服务"},
			{Type: model.Caption, Text: "# 志愿者在社区宣传"},
		},
		PhotoCredit: "记者蔡佳楠摄",
	}
	ed := &model.Edition{Title: "海门日报", Date: "2024-03-19", Sections: []model.Section{
		{Index: 1, Name: "要闻"},
		{Index: 2, Name: "综合", Page: "2", Header: "第2版:综合", Articles: []model.Article{a}},
	}}
	return ed, &ed.Sections[1].Articles[0]
}

func TestExportName(t *testing.T) {
	_, a := exportEdition()
	if got, want := ExportName("2024-03-19", a), "2024-03-19_2-1_三度并重推动党员冬训竞优走新.md"; got != want {
		t.Errorf("ExportName = %q, want %q", got, want)
	}
	if !exportedName.MatchString(ExportName("2024-03-19", a)) {
		t.Error("a folder would take an exported story for an edition")
	}
	a.Headline, a.Body = "../../“”", nil
	if got := ExportName("", a); got != "2-1.md" || !exportedName.MatchString(got) {
		t.Errorf("ExportName with no usable headline = %q", got)
	}
	for _, edition := range []string{"2024-03-19.md", "20240319.txt", "2024-03-19_海门日报.md"} {
		if exportedName.MatchString(edition) {
			t.Errorf("%s taken for an exported story", edition)
		}
	}
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	writeFile(t, dir, "a/2024-03-20.txt", story("海门日报", "", []string{"乙"}))
	writeFile(t, dir, "b/2024-03-20.txt", story("江海晚报", "2024-03-20", []string{"丙"}))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	openWait(t, st, dir)
	seed, _ := st.Embed(ctx, "seed.txt", "种子", []byte(story("", "", []string{"丁"})))
	var evening Edition
	for _, e := range editions(t, openWait(t, st)) {
		if e.Title == "江海晚报" {
			evening = e
		}
	}
	tests := []struct {
		id, path, aid string
	}{
		{"2024-03-19/1-1", dir + "/2024-03-19.txt", "1-1"},
		{"20240319/1-1", dir + "/2024-03-19.txt", "1-1"},
		{evening.Hash[:6] + "/1-1", evening.Path, "1-1"},
		{strings.ToUpper(evening.Hash[:8]) + "/1-1", evening.Path, "1-1"},
		{"江海晚报/1-1", evening.Path, "1-1"},
		{"1-1", seed.Path, "1-1"},
		{"seed/2-3", seed.Path, "2-3"},
	}
	for _, tt := range tests {
		e, aid, err := st.Resolve(ctx, tt.id)
		if err != nil || e.Path != tt.path || aid != tt.aid {
			t.Errorf("Resolve(%q) = %s %s, %v; want %s %s", tt.id, e.Path, aid, err, tt.path, tt.aid)
		}
	}
	for _, id := range []string{"2024-03-20/1-1", "1999-01-01/1-1", "abc/1-1"} {
		var re *RefError
		if _, _, err := st.Resolve(ctx, id); !errors.As(err, &re) {
			t.Errorf("Resolve(%q): %v, want a *RefError", id, err)
		} else if id == "2024-03-20/1-1" && len(re.Matches) != 2 {
			t.Errorf("Resolve(%q) lists %d matches, want 2", id, len(re.Matches))
		}
	}
	// A date shared by two editions is not used as a ref.
	if evening.Ref != evening.Hash[:8] {
		t.Errorf("ref of an edition sharing its date: %q, want the hash prefix", evening.Ref)
	}
}
