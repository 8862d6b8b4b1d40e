package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
)

// BenchmarkNewCold builds the first pipeline of a fresh process, what
// every command pays before its first article: each iteration runs this
// test binary again (TestNewOnce) and reports the CPU time (user and
// system, the garbage collector's included) and wall time New took in
// it. CPU time is the figure to compare on a shared machine.
func BenchmarkNewCold(b *testing.B) {
	var cpu, wall time.Duration
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNewOnce$", "-test.count=1")
		cmd.Env = append(os.Environ(), newOnceEnv+"=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		var c, w int64
		if _, err := fmt.Sscanf(string(out[strings.Index(string(out), "new-cpu="):]), "new-cpu=%d new-wall=%d", &c, &w); err != nil {
			b.Fatalf("read %q: %v", out, err)
		}
		cpu += time.Duration(c)
		wall += time.Duration(w)
	}
	b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(wall.Microseconds())/1e3/float64(b.N), "wall-ms/op")
}

// newOnceEnv makes TestNewOnce run: BenchmarkNewCold sets it in the
// processes it starts.
const newOnceEnv = "NEWSGRAPH_TEST_NEW_ONCE"

// TestNewOnce builds one pipeline and prints the CPU and wall time New
// took, for BenchmarkNewCold; it skips unless that benchmark started it.
func TestNewOnce(t *testing.T) {
	if os.Getenv(newOnceEnv) == "" {
		t.Skip("run by BenchmarkNewCold")
	}
	cpu0, t0 := cpuTime(), time.Now()
	if _, err := pipeline.New(pipeline.Config{}); err != nil {
		t.Fatal(err)
	}
	wall, cpu := time.Since(t0), cpuTime()-cpu0
	fmt.Println("new-cpu=" + strconv.FormatInt(int64(cpu), 10) + " new-wall=" + strconv.FormatInt(int64(wall), 10))
}

// TestNewKBDir checks that a pipeline with a knowledge-base directory of
// the user's reads it, though pipelines of the embedded knowledge base
// alone share their stages, built once, whichever is built first.
func TestNewKBDir(t *testing.T) {
	dir := t.TempDir()
	orgs := "# test organisations\nname\taliases\tkind\tcountry\tactor\nQwertzuiop Holdings\tQZH\tcompany\tGBR\t\n"
	if err := os.WriteFile(filepath.Join(dir, "orgs.tsv"), []byte(orgs), 0o644); err != nil {
		t.Fatal(err)
	}
	in := article.Input{Text: "QZH said on Monday that profits fell.", Published: "2025-08-09"}
	names := func(cfg pipeline.Config) (string, []string) {
		p, err := pipeline.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := p.Process(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range rec.Entities {
			out = append(out, e.Name)
		}
		return rec.Pipeline, out
	}
	plainV, _ := names(pipeline.Config{})
	userV, user := names(pipeline.Config{KB: kb.Source{Dirs: []string{dir}}})
	againV, again := names(pipeline.Config{})
	if !slices.Contains(user, "Qwertzuiop Holdings") {
		t.Errorf("with the directory: entities %q, want Qwertzuiop Holdings", user)
	}
	if slices.Contains(again, "Qwertzuiop Holdings") {
		t.Errorf("without the directory, after a pipeline with it: entities %q", again)
	}
	if userV == plainV || againV != plainV {
		t.Errorf("versions: embedded %q, with the directory %q, embedded again %q", plainV, userV, againV)
	}
}
