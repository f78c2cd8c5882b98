package library

import (
	"context"
	"slices"
	"testing"
	"time"
)

// threeStories embeds an edition of one page with three stories and returns
// it parsed and as the store lists it.
func threeStories(t *testing.T, st *Store, name, date string) Edition {
	t.Helper()
	e, err := st.Embed(context.Background(), name, "海门日报", []byte(story("海门日报", date, []string{"甲标题", "乙标题", "丙标题"})))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReadMarksAndUnreadCounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		e := threeStories(t, st, "a", "2024-03-19")
		ed, _, err := st.Load(ctx, e.Path)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.MarkRead(ctx, e.ID, "1-1", "1-3", "1-3"); err != nil {
			t.Fatal(err)
		}
		read, err := st.ReadSet(ctx, e.ID)
		if err != nil || !read["1-1"] || !read["1-3"] || read["1-2"] {
			t.Fatalf("ReadSet = %v, %v", read, err)
		}
		if c := Unread(ed, read); c.Total != 1 || !slices.Equal(c.Sections, []int{1}) {
			t.Errorf("Unread = %+v, want 1 in all, [1] by section", c)
		}
		if err := st.MarkUnread(ctx, e.ID, "1-1"); err != nil {
			t.Fatal(err)
		}
		if list := editions(t, openWait(t, st)); len(list) != 1 || list[0].Unread != 2 {
			t.Errorf("library unread after MarkUnread: %+v", list)
		}
		if err := st.MarkSectionRead(ctx, e.ID, &ed.Sections[0]); err != nil {
			t.Fatal(err)
		}
		read, _ = st.ReadSet(ctx, e.ID)
		if c := Unread(ed, read); c.Total != 0 {
			t.Errorf("Unread after MarkSectionRead = %+v", c)
		}
	})
}

// A read mark on an article the edition no longer has (its file changed)
// does not count against the unread total.
func TestUnreadIgnoresMarksOnVanishedArticles(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		e := threeStories(t, st, "a", "2024-03-19")
		st.MarkRead(ctx, e.ID, "1-1", "9-9")
		if list := editions(t, openWait(t, st)); list[0].Unread != 2 {
			t.Errorf("unread %d, want 2", list[0].Unread)
		}
	})
}

func TestBookmarks(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		a := threeStories(t, st, "a", "2024-03-19")
		b := threeStories(t, st, "b", "2024-03-20")
		toggle := func(e Edition, aid string, want bool) {
			t.Helper()
			on, err := st.ToggleBookmark(ctx, e.ID, aid)
			if err != nil || on != want {
				t.Fatalf("ToggleBookmark(%s, %s) = %v, %v; want %v", e.Date, aid, on, err, want)
			}
		}
		toggle(a, "1-2", true)
		toggle(b, "1-1", true)
		toggle(a, "1-3", true)
		toggle(a, "1-3", false)
		list, err := st.Bookmarks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, bm := range list {
			got = append(got, bm.Edition.Date+" "+bm.Article+" "+bm.Headline)
			if time.Since(bm.Saved) > time.Minute || bm.Edition.Ref == "" {
				t.Errorf("bookmark %+v: saved %v, ref %q", bm, bm.Saved, bm.Edition.Ref)
			}
		}
		// Most recently saved first.
		want := []string{"2024-03-20 1-1 甲标题", "2024-03-19 1-2 乙标题"}
		if !slices.Equal(got, want) {
			t.Errorf("Bookmarks = %q, want %q", got, want)
		}
		if set, _ := st.Bookmarked(ctx, a.ID); !set["1-2"] || len(set) != 1 {
			t.Errorf("Bookmarked(a) = %v", set)
		}
	})
}

func TestPositionsAndToggles(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		e := threeStories(t, st, "a", "2024-03-19")
		if _, ok, err := st.Position(ctx, e.ID); ok || err != nil {
			t.Errorf("Position before any was saved: %v, %v", ok, err)
		}
		for _, p := range []Position{{Article: "1-2", Block: 3, Offset: 120}, {Article: "1-3", Block: -1}} {
			if err := st.SetPosition(ctx, e.ID, p); err != nil {
				t.Fatal(err)
			}
			got, ok, err := st.Position(ctx, e.ID)
			got.Saved = time.Time{}
			if !ok || err != nil || got != p {
				t.Errorf("Position = %+v, %v, %v; want %+v", got, ok, err, p)
			}
		}

		for _, set := range []struct {
			name string
			on   bool
		}{{"unread-only", true}, {"bylines", false}, {"unread-only", false}} {
			if err := st.SetToggle(ctx, set.name, set.on); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.Toggles(ctx)
		if err != nil || len(got) != 2 || got["unread-only"] || got["bylines"] {
			t.Errorf("Toggles = %v, %v", got, err)
		}
	})
}

// State saved by one Store is there for the next one on the same data
// directory, as for the next run of dubao.
func TestStateSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := openTest(t, dir, nil)
	e := threeStories(t, st, "a", "2024-03-19")
	st.MarkRead(ctx, e.ID, "1-2")
	st.ToggleBookmark(ctx, e.ID, "1-3")
	st.SetPosition(ctx, e.ID, Position{Article: "1-3", Block: 2, Offset: 9})
	st.SetToggle(ctx, "bylines", true)
	st.Close()

	st = openTest(t, dir, nil)
	e2 := threeStories(t, st, "a", "2024-03-19")
	read, _ := st.ReadSet(ctx, e2.ID)
	marks, _ := st.Bookmarked(ctx, e2.ID)
	pos, _, _ := st.Position(ctx, e2.ID)
	toggles, _ := st.Toggles(ctx)
	if e2.ID != e.ID || !read["1-2"] || !marks["1-3"] || pos.Offset != 9 || !toggles["bylines"] {
		t.Errorf("after reopening: ID %d (was %d), read %v, bookmarks %v, position %+v, toggles %v",
			e2.ID, e.ID, read, marks, pos, toggles)
	}
}
