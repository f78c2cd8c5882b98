package library

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// helperEnv makes the test binary, run again by these tests, act as a second
// dubao process instead of running tests (see TestMain): "1" for helper,
// "idle", "import" or "read" for memoryHelper.
const helperEnv = "DUBAO_LIBRARY_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		var err error
		if mode == "1" {
			err = helper()
		} else if err = memoryHelper(mode); err == nil {
			err = reportPeak()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// helper is a second process working on the store in $DUBAO_DATA_DIR: it
// indexes the shelf $SHELF (if set) while marking $N articles "$PREFIX-i"
// read in edition $EDITION, one transaction each, printing i once each mark
// is committed.
func helper() error {
	st, err := Open(Options{Dir: os.Getenv("DUBAO_DATA_DIR"), Parse: splitParse})
	if err != nil {
		return err
	}
	if err := st.Unsaved(); err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	var sh *Shelf
	if dir := os.Getenv("SHELF"); dir != "" {
		if sh, err = st.OpenShelf(ctx, dir); err != nil {
			return err
		}
	}
	ed, _ := strconv.ParseInt(os.Getenv("EDITION"), 10, 64)
	n, _ := strconv.Atoi(os.Getenv("N"))
	for i := range n {
		if err := st.MarkRead(ctx, ed, fmt.Sprintf("%s-%d", os.Getenv("PREFIX"), i)); err != nil {
			return err
		}
		fmt.Println(i)
	}
	if sh != nil {
		return sh.Wait()
	}
	return nil
}

// startHelper runs the test binary as a helper process on the store in dir.
func startHelper(t *testing.T, dir string, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), append([]string{helperEnv + "=1", "DUBAO_DATA_DIR=" + dir}, env...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// checkStore opens the store in dir and checks it: SQLite's integrity check
// and the search index's pass, and every edition's article count matching
// its stored articles.
func checkStore(t *testing.T, dir string) *Store {
	t.Helper()
	st := openTest(t, dir, nil)
	var res string
	if err := st.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
	if _, err := st.db.Exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		var arts int
		st.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&arts)
		t.Fatalf("search index integrity-check: %v (%d articles)", err, arts)
	}
	var bad int
	st.db.QueryRow(`SELECT count(*) FROM editions e WHERE articles != (SELECT count(*) FROM articles a WHERE a.edition = e.id)`).Scan(&bad)
	if bad != 0 {
		t.Errorf("%d editions whose article count does not match their articles", bad)
	}
	return st
}

// Two stores (as two processes would) index the same folder at once: each
// edition goes into the search index once, though both parsed it.
func TestTwoStoresIndexOneFolder(t *testing.T) {
	data, shelf := t.TempDir(), t.TempDir()
	ar := generate(t, shelf, 30, 22)
	a, b := openTest(t, data, nil), openTest(t, data, nil)
	sa, err := a.OpenShelf(context.Background(), shelf)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.OpenShelf(context.Background(), shelf)
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(sa.Wait(), sb.Wait()); err != nil {
		t.Fatal(err)
	}
	st := checkStore(t, data)
	for _, sh := range []*Shelf{sa, sb} {
		n := 0
		for _, e := range editions(t, sh) {
			n += e.Articles
		}
		if n != ar.articles {
			t.Errorf("a shelf lists %d articles, want %d", n, ar.articles)
		}
	}
	// The index keeps no list of the articles in it, but checkStore's
	// integrity-check has compared it with the stored articles: an article
	// indexed twice fails it.
	var stored int
	st.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&stored)
	if stored != ar.articles {
		t.Errorf("%d articles stored, want %d", stored, ar.articles)
	}
}

// Two other processes and this one write to the store at the same time, two
// of them indexing the same folder: every write is kept, nothing is indexed
// twice, and the store checks out.
func TestTwoProcessesAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	data, shelf := t.TempDir(), t.TempDir()
	ar := generate(t, shelf, 30, 21)
	st := openTest(t, data, nil)
	ctx := context.Background()
	e := threeStories(t, st, "x", "2024-03-19")
	const n = 100
	var wg sync.WaitGroup
	for _, prefix := range []string{"a", "b"} {
		cmd, out := startHelper(t, data, "SHELF="+shelf, "PREFIX="+prefix, "N="+strconv.Itoa(n), "EDITION="+strconv.FormatInt(e.ID, 10))
		wg.Go(func() {
			for out.Scan() {
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("helper %s: %v", prefix, err)
			}
		})
	}
	for i := range n {
		if err := st.MarkRead(ctx, e.ID, fmt.Sprintf("c-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	st = checkStore(t, data)
	read, _ := st.ReadSet(ctx, e.ID)
	if len(read) != 3*n {
		t.Errorf("%d read marks, want %d", len(read), 3*n)
	}
	var eds, arts int
	st.db.QueryRow(`SELECT count(*), sum(articles) FROM editions WHERE path NOT LIKE 'seed:%'`).Scan(&eds, &arts)
	if eds != ar.editions || arts != ar.articles {
		t.Errorf("store holds %d editions, %d articles; the folder has %d, %d", eds, arts, ar.editions, ar.articles)
	}
}

// A process killed with SIGKILL at a random moment, while indexing and
// while saving read marks, loses nothing it had committed and leaves a
// sound store, which the next run indexes to completion.
func TestKillDuringWritesKeepsCommittedState(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	data, shelf := t.TempDir(), t.TempDir()
	ar := generate(t, shelf, 80, 9)
	st := openTest(t, data, nil)
	e := threeStories(t, st, "x", "2024-03-19")
	st.Close()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	committed := 0
	for round := range 3 {
		prefix := "r" + strconv.Itoa(round)
		cmd, out := startHelper(t, data, "SHELF="+shelf, "PREFIX="+prefix, "N=100000", "EDITION="+strconv.FormatInt(e.ID, 10))
		killAt := 5 + rng.IntN(200)
		last := -1
		for out.Scan() {
			last, _ = strconv.Atoi(out.Text())
			if last >= killAt {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if last < 0 {
			t.Fatalf("round %d: helper printed nothing", round)
		}
		st := checkStore(t, data)
		read, err := st.ReadSet(context.Background(), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i <= last; i++ {
			if !read[fmt.Sprintf("%s-%d", prefix, i)] {
				t.Fatalf("round %d: mark %d was committed before the kill and is lost", round, i)
			}
		}
		committed += last + 1
		var indexed int
		st.db.QueryRow(`SELECT count(*) FROM editions`).Scan(&indexed)
		t.Logf("round %d: killed after mark %d, %d of %d editions indexed", round, last, indexed-1, ar.editions)
		st.Close()
	}
	st = checkStore(t, data)
	sh := openWait(t, st, shelf)
	var arts int
	for _, ed := range editions(t, sh) {
		arts += ed.Articles
	}
	if arts != ar.articles {
		t.Errorf("after the kills, indexing to the end gives %d articles, want %d", arts, ar.articles)
	}
	t.Logf("%d marks committed across 3 kills", committed)
}
