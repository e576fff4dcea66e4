package main

import (
	"context"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/compose-spec/compose-go/v2/cli"
)

func checkCompose(c *checker, e expect) {
	file := filepath.Join(e.dir, "compose.yaml")
	raw, err := os.ReadFile(file)
	if !c.noErr(err, "read compose.yaml") {
		return
	}
	root := plainYAML(c, "compose.yaml", raw)
	if root != nil {
		services := mapValue(root, "services")
		c.check(services != nil && services.Kind == yamlMapping, "compose.yaml has one top-level services mapping")
	}

	// The compose-spec loader is what `docker compose config` runs: schema validation,
	// interpolation, normalization and consistency checks (depends_on targets, ...).
	opts, err := cli.NewProjectOptions([]string{file},
		cli.WithWorkingDirectory(e.dir),
		cli.WithEnv([]string{}),
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if !c.noErr(err, "compose options") {
		return
	}
	project, err := opts.LoadProject(context.Background())
	if !c.noErr(err, "compose.yaml loads and validates against the compose specification") {
		return
	}
	c.check(project.Name == e.name, "compose project is named %q (got %q)", e.name, project.Name)

	for name, s := range project.Services {
		if s.Image != "" {
			c.check(imagePinned(s.Image), "service %s uses a pinned image tag (got %q)", name, s.Image)
		}
	}

	svc, ok := project.Services[e.name]
	if !c.check(ok, "compose has a service named %q", e.name) {
		return
	}
	if c.check(svc.Build != nil, "service %s is built from the project", e.name) {
		dockerfile := svc.Build.Dockerfile
		if dockerfile == "" {
			dockerfile = "Dockerfile"
		}
		if !filepath.IsAbs(dockerfile) {
			dockerfile = filepath.Join(svc.Build.Context, dockerfile)
		}
		_, err := os.Stat(dockerfile)
		c.check(err == nil, "the build's Dockerfile exists (%s); compose needs the docker target", dockerfile)
		abs, _ := filepath.Abs(e.dir)
		c.check(filepath.Clean(svc.Build.Context) == abs, "the build context is the project root (got %s)", svc.Build.Context)
	}

	env := map[string]string{}
	for k, v := range svc.Environment {
		if v != nil {
			env[k] = *v
		}
	}
	port, err := httpPort(env)
	if c.noErr(err, "HTTP_ADDR gives the listen port") {
		published := false
		for _, p := range svc.Ports {
			if p.Target == uint32(port) && p.Published != "" {
				published = true
				c.check(p.HostIP == "127.0.0.1" || p.HostIP == "::1",
					"port %d is published on loopback only (host_ip %q)", port, p.HostIP)
			}
		}
		c.check(published, "service %s publishes its listen port %d", e.name, port)
	}
	shutdown, drain, err := shutdownBudget(env)
	if c.noErr(err, "SHUTDOWN_TIMEOUT and SHUTDOWN_DRAIN_DELAY parse") && c.check(svc.StopGracePeriod != nil, "stop_grace_period is set") {
		grace := time.Duration(*svc.StopGracePeriod)
		c.check(grace > shutdown+drain, "stop_grace_period %s exceeds SHUTDOWN_DRAIN_DELAY %s + SHUTDOWN_TIMEOUT %s", grace, drain, shutdown)
	}
	c.check(slices.Contains([]string{"unless-stopped", "always", "on-failure"}, strings.SplitN(svc.Restart, ":", 2)[0]),
		"service %s has a restart policy (got %q)", e.name, svc.Restart)
	if hc := svc.HealthCheck; hc != nil && !hc.Disable && len(hc.Test) > 0 {
		test := strings.Join(hc.Test, " ")
		c.check(hc.Test[0] != "CMD-SHELL" && !strings.Contains(test, "curl") && !strings.Contains(test, "wget"),
			"healthcheck %q needs no shell, curl or wget (the image is distroless)", test)
	} else {
		c.check(true, "no healthcheck that the distroless image could not run")
	}
	c.check(svc.ReadOnly, "service %s has a read-only root filesystem", e.name)
	c.check(slices.Contains(svc.CapDrop, "ALL"), "service %s drops all capabilities", e.name)
	c.check(slices.Contains(svc.SecurityOpt, "no-new-privileges:true") || slices.Contains(svc.SecurityOpt, "no-new-privileges"),
		"service %s sets no-new-privileges", e.name)
	c.check(env["LOG_LEVEL"] != "", "LOG_LEVEL is set")

	otel := []string{}
	for k := range env {
		if strings.HasPrefix(k, "OTEL_") {
			otel = append(otel, k)
		}
	}
	if !e.tracing {
		c.check(len(otel) == 0, "no OTEL_ variables without tracing (got %v)", otel)
		_, jaeger := project.Services["jaeger"]
		c.check(!jaeger, "no jaeger service without tracing")
		return
	}
	c.check(env["OTEL_SERVICE_NAME"] == e.name, "OTEL_SERVICE_NAME is %q (got %q)", e.name, env["OTEL_SERVICE_NAME"])
	if ep, ok := env["OTEL_EXPORTER_OTLP_ENDPOINT"]; ok {
		u, err := url.Parse(ep)
		if c.noErr(err, "OTEL_EXPORTER_OTLP_ENDPOINT is a URL") {
			host := u.Hostname()
			_, ok := project.Services[host]
			if c.check(ok, "the OTLP endpoint host %q is a compose service", host) {
				_, dep := svc.DependsOn[host]
				c.check(dep, "service %s depends on %s", e.name, host)
				c.check(u.Scheme == "http" || u.Scheme == "https", "the OTLP endpoint has an http(s) scheme (got %q)", u.Scheme)
				c.check(u.Port() == "4317" || u.Port() == "4318", "the OTLP endpoint uses an OTLP port (got %q)", u.Port())
			}
		}
	}
}

// httpPort is the port from HTTP_ADDR (default ":8080").
func httpPort(env map[string]string) (int, error) {
	addr := env["HTTP_ADDR"]
	if addr == "" {
		addr = ":8080"
	}
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(p)
}

// shutdownBudget returns SHUTDOWN_TIMEOUT and SHUTDOWN_DRAIN_DELAY with the service's defaults.
func shutdownBudget(env map[string]string) (shutdown, drain time.Duration, err error) {
	shutdown, drain = 25*time.Second, 0
	if v, ok := env["SHUTDOWN_TIMEOUT"]; ok {
		if shutdown, err = time.ParseDuration(v); err != nil {
			return 0, 0, err
		}
	}
	if v, ok := env["SHUTDOWN_DRAIN_DELAY"]; ok {
		if drain, err = time.ParseDuration(v); err != nil {
			return 0, 0, err
		}
	}
	return shutdown, drain, nil
}

// imagePinned reports whether an image reference names an explicit tag other than latest
// (or a digest).
func imagePinned(ref string) bool {
	if strings.Contains(ref, "@sha256:") {
		return true
	}
	name := ref[strings.LastIndex(ref, "/")+1:]
	i := strings.LastIndex(name, ":")
	return i > 0 && name[i+1:] != "" && name[i+1:] != "latest"
}
