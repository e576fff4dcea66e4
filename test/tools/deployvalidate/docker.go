package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

func checkDocker(c *checker, e expect) {
	dt, err := os.ReadFile(filepath.Join(e.dir, "Dockerfile"))
	if !c.noErr(err, "read Dockerfile") {
		return
	}
	lintDockerfile(c, dt)

	res, err := parser.Parse(bytes.NewReader(dt))
	if !c.noErr(err, "Dockerfile parses") {
		return
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if !c.noErr(err, "Dockerfile instructions parse") {
		return
	}
	if !c.check(len(stages) >= 2, "Dockerfile is multi-stage (has %d stages)", len(stages)) {
		return
	}
	final := stages[len(stages)-1]
	build, ok := findStage(stages[:len(stages)-1], func(s instructions.Stage) bool { return findGoBuild(s) != nil })
	if !c.check(ok, "a build stage runs `go build`") {
		return
	}
	checkBuildStage(c, e, build)
	checkFinalStage(c, e, final, build)
	checkDockerignore(c, e, stages)
}

// lintDockerfile runs BuildKit's Dockerfile checks, the ones `docker build --check` reports,
// with base image metadata answered offline.
func lintDockerfile(c *checker, dt []byte) {
	results, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
		SourceMap:    sourceMap(dt),
		MetaResolver: offlineImages{},
	})
	if !c.noErr(err, "BuildKit lint runs") {
		return
	}
	if results.Error != nil {
		c.fail("BuildKit cannot build this Dockerfile: %s", results.Error.Message)
	} else {
		c.check(true, "BuildKit converts the Dockerfile to a build graph")
	}
	for _, w := range results.Warnings {
		line := 0
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			line = int(w.Location.Ranges[0].Start.Line)
		}
		c.fail("BuildKit check %s (Dockerfile:%d): %s", w.RuleName, line, w.Detail)
	}
	if len(results.Warnings) == 0 {
		c.check(true, "BuildKit checks (docker build --check) report nothing")
	}
}

func sourceMap(dt []byte) *llb.SourceMap {
	sm := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", dt)
	sm.Definition = &llb.Definition{}
	return sm
}

// offlineImages answers BuildKit's base image lookups without a registry, with the parts of
// the image config that matter to the checks (platform, environment, user).
type offlineImages struct{}

func (offlineImages) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	img := ocispecs.Image{Platform: ocispecs.Platform{OS: "linux", Architecture: "amd64"}}
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		img.Platform = *opt.ImageOpt.Platform
	}
	img.Config.Env = []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
	switch {
	case strings.Contains(ref, "/golang:"):
		img.Config.Env = []string{
			"PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"GOLANG_VERSION=" + strings.SplitN(ref[strings.LastIndex(ref, ":")+1:], "-", 2)[0],
			"GOTOOLCHAIN=local",
			"GOPATH=/go",
		}
		img.Config.WorkingDir = "/go"
	case strings.Contains(ref, "distroless"):
		img.Config.Env = append(img.Config.Env, "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt")
		if strings.HasSuffix(ref, ":nonroot") || strings.Contains(ref, ":nonroot-") || strings.HasSuffix(ref, "-nonroot") {
			img.Config.User = "65532"
			img.Config.WorkingDir = "/home/nonroot"
		}
	}
	dt, err := json.Marshal(img)
	if err != nil {
		return "", "", nil, err
	}
	return ref, digest.FromBytes(dt), dt, nil
}

func findStage(stages []instructions.Stage, pred func(instructions.Stage) bool) (instructions.Stage, bool) {
	for _, s := range stages {
		if pred(s) {
			return s, true
		}
	}
	return instructions.Stage{}, false
}

func findGoBuild(s instructions.Stage) *instructions.RunCommand {
	for _, cmd := range s.Commands {
		if r, ok := cmd.(*instructions.RunCommand); ok && strings.Contains(strings.Join(r.CmdLine, " "), "go build") {
			return r
		}
	}
	return nil
}

var (
	goImageRe  = regexp.MustCompile(`^(?:docker\.io/)?(?:library/)?golang:([0-9][^-@]*)-([a-z0-9.]+)(?:@sha256:[0-9a-f]{64})?$`)
	outFlagRe  = regexp.MustCompile(`(?:^|\s)-o\s+(\S+)`)
	ldflagsRe  = regexp.MustCompile(`-ldflags[= ]("[^"]*"|'[^']*'|\S+)`)
	versionXRe = regexp.MustCompile(`-X\s+main\.version=\$\{?VERSION\}?`)
)

func checkBuildStage(c *checker, e expect, s instructions.Stage) {
	// Builder image: golang, pinned to the go directive's version and a distro variant.
	m := goImageRe.FindStringSubmatch(s.BaseName)
	if c.check(m != nil, "build stage uses a golang image pinned by version and variant (got %q)", s.BaseName) {
		c.check(sameGoRelease(m[1], e.goVersion),
			"build image Go %s matches the go directive %s", m[1], e.goVersion)
	}

	run := findGoBuild(s)
	line := strings.Join(run.CmdLine, " ")
	env := stageEnv(s)
	c.check(strings.Contains(line, "CGO_ENABLED=0") || env["CGO_ENABLED"] == "0", "go build runs with CGO_ENABLED=0")
	c.check(strings.Contains(line, "-trimpath"), "go build uses -trimpath")
	lf := ldflagsRe.FindStringSubmatch(line)
	if c.check(lf != nil, "go build sets -ldflags") {
		flags := strings.Fields(strings.Trim(lf[1], `"'`))
		c.check(slices.Contains(flags, "-s") && slices.Contains(flags, "-w"), "ldflags strip symbols and DWARF (-s -w): %s", lf[1])
		c.check(versionXRe.MatchString(lf[1]), "ldflags stamp main.version from the VERSION build arg: %s", lf[1])
	}
	c.check(hasArg(s, "VERSION"), "build stage declares ARG VERSION")
	c.check(strings.Contains(line, "./cmd/"+e.name), "go build builds ./cmd/%s", e.name)
	if s.Platform != "" {
		// Cross-compiling on $BUILDPLATFORM only works when GOOS/GOARCH follow the target.
		c.check(strings.Contains(line, "GOOS=$TARGETOS") && strings.Contains(line, "GOARCH=$TARGETARCH") &&
			hasArg(s, "TARGETOS") && hasArg(s, "TARGETARCH"),
			"build stage on --platform=%s cross-compiles with GOOS=$TARGETOS GOARCH=$TARGETARCH", s.Platform)
	}
	caches := cacheTargets(run)
	c.check(slices.Contains(caches, "/go/pkg/mod"), "go build mounts a cache at /go/pkg/mod (mounts: %v)", caches)
	c.check(slices.Contains(caches, "/root/.cache/go-build"), "go build mounts a cache at /root/.cache/go-build (mounts: %v)", caches)

	// Module download layer: after copying go.mod/go.sum, before copying the sources.
	modCopy, download, srcCopy := -1, -1, -1
	for i, cmd := range s.Commands {
		switch x := cmd.(type) {
		case *instructions.CopyCommand:
			if x.From != "" {
				continue
			}
			if slices.Contains(x.SourcePaths, "go.mod") && modCopy < 0 {
				modCopy = i
			}
			if slices.Contains(x.SourcePaths, ".") && srcCopy < 0 {
				srcCopy = i
			}
		case *instructions.RunCommand:
			if strings.Contains(strings.Join(x.CmdLine, " "), "go mod download") && download < 0 {
				download = i
				dl := cacheTargets(x)
				c.check(slices.Contains(dl, "/go/pkg/mod"), "go mod download mounts the module cache (mounts: %v)", dl)
			}
		}
	}
	c.check(modCopy >= 0, "go.mod is copied on its own before the sources")
	c.check(download >= 0, "the build stage runs `go mod download`")
	c.check(srcCopy >= 0, "the sources are copied (COPY . .)")
	c.check(modCopy < download && download < srcCopy,
		"order is COPY go.mod go.sum -> go mod download -> COPY . (got %d, %d, %d)", modCopy, download, srcCopy)
}

func checkFinalStage(c *checker, e expect, final, build instructions.Stage) {
	distroless := strings.HasPrefix(final.BaseName, "gcr.io/distroless/")
	c.check(distroless && strings.Contains(final.BaseName, "/static"),
		"runtime image is distroless static (got %q)", final.BaseName)
	c.check(!strings.HasSuffix(final.BaseName, ":latest") && strings.Contains(path.Base(final.BaseName), ":"),
		"runtime image is pinned by tag (got %q)", final.BaseName)

	user := finalUser(final)
	var entry *instructions.EntrypointCommand
	var copied []string
	exposed := []string{}
	for _, cmd := range final.Commands {
		switch x := cmd.(type) {
		case *instructions.EntrypointCommand:
			entry = x
		case *instructions.ExposeCommand:
			exposed = append(exposed, x.Ports...)
		case *instructions.CopyCommand:
			if x.From == build.Name || x.From == "0" {
				copied = append(copied, x.DestPath)
			}
		case *instructions.RunCommand:
			if distroless {
				c.fail("runtime stage runs %q, but a distroless image has no shell", strings.Join(x.CmdLine, " "))
			}
		case *instructions.HealthCheckCommand:
			if distroless && x.Health != nil && len(x.Health.Test) > 0 && x.Health.Test[0] == "CMD-SHELL" {
				c.fail("HEALTHCHECK uses a shell, which a distroless image does not have")
			}
		}
	}
	uid := user
	c.check(uid != "" && uid != "0" && isDigits(uid),
		"runtime runs as a numeric non-root user (USER %q); Kubernetes runAsNonRoot needs a numeric UID", user)
	c.check(slices.Contains(exposed, "8080") || slices.Contains(exposed, "8080/tcp"), "runtime EXPOSEs 8080 (got %v)", exposed)
	if c.check(entry != nil, "runtime has an ENTRYPOINT") {
		c.check(!entry.PrependShell, "ENTRYPOINT uses the exec (JSON) form")
		if len(entry.CmdLine) > 0 {
			bin := entry.CmdLine[0]
			c.check(slices.Contains(copied, bin) || slices.ContainsFunc(copied, func(d string) bool {
				return strings.HasSuffix(d, "/") && path.Join(d, path.Base(bin)) == bin
			}), "ENTRYPOINT %s is the binary copied from the build stage (copied to %v)", bin, copied)
		}
	}
	run := findGoBuild(build)
	if out := outFlagRe.FindStringSubmatch(strings.Join(run.CmdLine, " ")); out != nil {
		found := false
		for _, cmd := range final.Commands {
			if x, ok := cmd.(*instructions.CopyCommand); ok && x.From == build.Name && slices.Contains(x.SourcePaths, out[1]) {
				found = true
			}
		}
		c.check(found, "runtime copies the built binary %s from stage %q", out[1], build.Name)
	}
}

// checkDockerignore proves that the context keeps what the build needs and drops the rest.
func checkDockerignore(c *checker, e expect, stages []instructions.Stage) {
	raw, err := os.ReadFile(filepath.Join(e.dir, ".dockerignore"))
	if !c.noErr(err, "read .dockerignore") {
		return
	}
	patterns, err := ignorefile.ReadAll(bytes.NewReader(raw))
	if !c.noErr(err, ".dockerignore parses") {
		return
	}
	pm, err := patternmatcher.New(patterns)
	if !c.noErr(err, ".dockerignore patterns are valid") {
		return
	}
	ignored := func(p string) bool {
		ok, err := pm.MatchesOrParentMatches(p)
		return err == nil && ok
	}
	keep := []string{"go.mod", "go.sum", "cmd/" + e.name + "/main.go", "internal/app/app.go",
		"internal/platform/config/config.go", "api/openapi.yaml", "migrations/0001_init.sql"}
	for _, s := range stages {
		for _, cmd := range s.Commands {
			if x, ok := cmd.(*instructions.CopyCommand); ok && x.From == "" {
				for _, p := range x.SourcePaths {
					if p != "." && !slices.Contains(keep, p) {
						keep = append(keep, p)
					}
				}
			}
		}
	}
	for _, p := range keep {
		c.check(!ignored(p), ".dockerignore keeps %s in the build context", p)
	}
	for _, p := range []string{".git/config", ".env", ".env.local", ".github/workflows/ci.yml", "bin/" + e.name} {
		c.check(ignored(p), ".dockerignore keeps %s out of the build context", p)
	}
}

// finalUser is the user (without group) a stage runs as: its last USER, else the user of a
// distroless :nonroot base image.
func finalUser(s instructions.Stage) string {
	user := ""
	if strings.HasSuffix(s.BaseName, ":nonroot") || strings.Contains(s.BaseName, ":nonroot@") {
		user = "65532"
	}
	for _, cmd := range s.Commands {
		if x, ok := cmd.(*instructions.UserCommand); ok {
			user = strings.SplitN(x.User, ":", 2)[0]
		}
	}
	return user
}

func sameGoRelease(imageVersion, goDirective string) bool {
	if imageVersion == goDirective {
		return true
	}
	// golang:1.25 tracks the newest 1.25.x, which satisfies go 1.25.N.
	parts := strings.Split(goDirective, ".")
	return len(parts) >= 2 && imageVersion == parts[0]+"."+parts[1]
}

func stageEnv(s instructions.Stage) map[string]string {
	env := map[string]string{}
	for _, cmd := range s.Commands {
		if x, ok := cmd.(*instructions.EnvCommand); ok {
			for _, kv := range x.Env {
				env[kv.Key] = kv.Value
			}
		}
	}
	return env
}

func hasArg(s instructions.Stage, name string) bool {
	for _, cmd := range s.Commands {
		if x, ok := cmd.(*instructions.ArgCommand); ok {
			for _, a := range x.Args {
				if a.Key == name {
					return true
				}
			}
		}
	}
	return false
}

func cacheTargets(r *instructions.RunCommand) []string {
	// Mount options are evaluated on expansion; expand with the words as written.
	if err := r.Expand(func(w string) (string, error) { return w, nil }); err != nil {
		return []string{"invalid --mount: " + err.Error()}
	}
	var out []string
	for _, m := range instructions.GetMounts(r) {
		if m.Type == instructions.MountTypeCache {
			out = append(out, m.Target)
		}
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
