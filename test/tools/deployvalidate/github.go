package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

type workflow struct {
	On          yaml.Node         `yaml:"on"`
	Permissions any               `yaml:"permissions"`
	Concurrency *concurrency      `yaml:"concurrency"`
	Jobs        map[string]*ghJob `yaml:"jobs"`
}

type concurrency struct {
	Group            string `yaml:"group"`
	CancelInProgress any    `yaml:"cancel-in-progress"`
}

type ghJob struct {
	RunsOn         any      `yaml:"runs-on"`
	TimeoutMinutes any      `yaml:"timeout-minutes"`
	Permissions    any      `yaml:"permissions"`
	Steps          []ghStep `yaml:"steps"`
}

type ghStep struct {
	Name string         `yaml:"name"`
	Uses string         `yaml:"uses"`
	Run  string         `yaml:"run"`
	With map[string]any `yaml:"with"`
	Env  map[string]any `yaml:"env"`
}

var (
	pinnedActionRe = regexp.MustCompile(`^[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$`)
	toolVersionRe  = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)
)

func checkGitHub(c *checker, e expect) {
	checkWorkflow(c, e)
	checkDependabot(c, e)
}

func checkWorkflow(c *checker, e expect) {
	raw, err := os.ReadFile(filepath.Join(e.dir, ".github", "workflows", "ci.yml"))
	if !c.noErr(err, "read ci.yml") {
		return
	}
	plainYAML(c, "ci.yml", raw)
	var wf workflow
	if !c.noErr(yaml.Unmarshal(raw, &wf), "ci.yml decodes as a workflow") {
		return
	}
	events := workflowEvents(&wf.On)
	c.check(slices.Contains(events, "push") && slices.Contains(events, "pull_request"),
		"the workflow runs on push and pull_request (on: %v)", events)
	c.check(fmt.Sprint(wf.Permissions) == "map[contents:read]", "workflow permissions are exactly contents: read (got %v)", wf.Permissions)
	if c.check(wf.Concurrency != nil, "the workflow sets a concurrency group") {
		c.check(strings.Contains(wf.Concurrency.Group, "${{"), "the concurrency group depends on the run's ref (got %q)", wf.Concurrency.Group)
		c.check(wf.Concurrency.CancelInProgress != nil, "the concurrency group cancels superseded runs")
	}

	for _, name := range []string{"test", "lint", "vuln", "build"} {
		c.check(wf.Jobs[name] != nil, "the workflow has a %s job", name)
	}
	allSteps := func(pred func(ghStep) bool) (string, *ghStep) {
		for _, jn := range sortedKeys(wf.Jobs) {
			j := wf.Jobs[jn]
			for i := range j.Steps {
				if pred(j.Steps[i]) {
					return jn, &j.Steps[i]
				}
			}
		}
		return "", nil
	}
	for _, jn := range sortedKeys(wf.Jobs) {
		j := wf.Jobs[jn]
		c.check(j.RunsOn != nil, "job %s sets runs-on", jn)
		c.check(j.TimeoutMinutes != nil, "job %s sets timeout-minutes", jn)
		c.check(!strings.Contains(fmt.Sprint(j.Permissions), "write"), "job %s asks for no write permission (got %v)", jn, j.Permissions)
		goSetUp := false
		for _, s := range j.Steps {
			if s.Uses != "" {
				c.check(pinnedActionRe.MatchString(s.Uses), "job %s: action %s is pinned to a version", jn, s.Uses)
			}
			action := strings.SplitN(s.Uses, "@", 2)[0]
			switch action {
			case "actions/checkout":
				c.check(fmt.Sprint(s.With["persist-credentials"]) == "false", "job %s: checkout does not persist credentials", jn)
			case "actions/setup-go":
				goSetUp = true
				c.check(s.With["go-version-file"] == "go.mod", "job %s: setup-go reads the Go version from go.mod", jn)
			case "golangci/golangci-lint-action":
				c.check(goSetUp, "job %s: Go is set up before golangci-lint", jn)
			}
			if regexp.MustCompile(`(^|\s)go (test|build|run|vet|mod)\b`).MatchString(s.Run) {
				c.check(goSetUp, "job %s: Go is set up before `%s`", jn, firstLine(s.Run))
			}
		}
	}

	if j, s := allSteps(func(s ghStep) bool { return strings.Contains(s.Run, "go test") }); c.check(s != nil, "a step runs go test") {
		c.check(strings.Contains(s.Run, "-race") && strings.Contains(s.Run, "./..."), "job %s runs go test -race ./... (got %q)", j, s.Run)
	}
	if j, s := allSteps(func(s ghStep) bool { return strings.HasPrefix(s.Uses, "golangci/golangci-lint-action@") }); c.check(s != nil, "a step uses golangci-lint-action") {
		v := fmt.Sprint(s.With["version"])
		if e.golangciLint != "" {
			c.check(v == e.golangciLint, "job %s pins golangci-lint %s (got %s)", j, e.golangciLint, v)
		} else {
			c.check(toolVersionRe.MatchString(v), "job %s pins golangci-lint to a version (got %s)", j, v)
		}
	}
	if j, s := allSteps(func(s ghStep) bool { return strings.Contains(s.Run, "govulncheck") }); c.check(s != nil, "a step runs govulncheck") {
		m := regexp.MustCompile(`golang\.org/x/vuln/cmd/govulncheck@(\S+)`).FindStringSubmatch(s.Run)
		if c.check(m != nil, "job %s runs govulncheck at a version (got %q)", j, s.Run) {
			if e.govulncheck != "" {
				c.check(m[1] == e.govulncheck, "job %s pins govulncheck %s (got %s)", j, e.govulncheck, m[1])
			} else {
				c.check(toolVersionRe.MatchString(m[1]), "job %s pins govulncheck to a version (got %s)", j, m[1])
			}
		}
		c.check(strings.Contains(s.Run, "./..."), "govulncheck scans ./...")
	}
	if j, s := allSteps(func(s ghStep) bool { return strings.Contains(s.Run, "go build") }); c.check(s != nil, "a step runs go build") {
		c.check(strings.Contains(s.Run, "./cmd/"+e.name), "job %s builds ./cmd/%s", j, e.name)
	}
	j, s := allSteps(func(s ghStep) bool { return strings.HasPrefix(s.Uses, "docker/build-push-action@") })
	if !e.docker {
		c.check(s == nil, "no docker build without a Dockerfile")
		return
	}
	if c.check(s != nil, "a step builds the image with docker/build-push-action") {
		c.check(s.With["push"] == nil || fmt.Sprint(s.With["push"]) == "false", "job %s does not push the image (push: %v)", j, s.With["push"])
		steps := wf.Jobs[j].Steps
		buildx := slices.IndexFunc(steps, func(x ghStep) bool { return strings.HasPrefix(x.Uses, "docker/setup-buildx-action@") })
		build := slices.IndexFunc(steps, func(x ghStep) bool { return strings.HasPrefix(x.Uses, "docker/build-push-action@") })
		c.check(buildx >= 0 && buildx < build, "job %s sets up Buildx before building", j)
	}
}

type dependabot struct {
	Version any `yaml:"version"`
	Updates []struct {
		Ecosystem string `yaml:"package-ecosystem"`
		Directory string `yaml:"directory"`
		Schedule  struct {
			Interval string `yaml:"interval"`
		} `yaml:"schedule"`
	} `yaml:"updates"`
}

func checkDependabot(c *checker, e expect) {
	raw, err := os.ReadFile(filepath.Join(e.dir, ".github", "dependabot.yml"))
	if !c.noErr(err, "read dependabot.yml") {
		return
	}
	plainYAML(c, "dependabot.yml", raw)
	var d dependabot
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(false)
	if !c.noErr(dec.Decode(&d), "dependabot.yml decodes") {
		return
	}
	c.check(fmt.Sprint(d.Version) == "2", "dependabot.yml is version 2")
	var ecos []string
	for _, u := range d.Updates {
		ecos = append(ecos, u.Ecosystem)
		c.check(u.Directory != "", "dependabot %s sets a directory", u.Ecosystem)
		c.check(slices.Contains([]string{"daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"}, u.Schedule.Interval),
			"dependabot %s has a valid schedule interval (got %q)", u.Ecosystem, u.Schedule.Interval)
	}
	c.check(slices.Contains(ecos, "gomod"), "dependabot updates Go modules")
	c.check(slices.Contains(ecos, "github-actions"), "dependabot updates GitHub Actions")
	c.check(slices.Contains(ecos, "docker") == e.docker, "dependabot updates base images exactly when there is a Dockerfile (ecosystems %v)", ecos)
}

// workflowEvents lists the events of `on:` in any of its forms (string, list or mapping).
func workflowEvents(n *yaml.Node) []string {
	var out []string
	switch n.Kind {
	case yaml.ScalarNode:
		out = append(out, n.Value)
	case yaml.SequenceNode:
		for _, x := range n.Content {
			out = append(out, x.Value)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, n.Content[i].Value)
		}
	}
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func firstLine(s string) string {
	return strings.TrimSpace(strings.SplitN(s, "\n", 2)[0])
}
