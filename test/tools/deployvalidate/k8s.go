package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	kusttypes "sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// k8sObjects are the manifests of one build, decoded into their API types.
type k8sObjects struct {
	deployments []*appsv1.Deployment
	services    []*corev1.Service
	pdbs        []*policyv1.PodDisruptionBudget
	hpas        []*autoscalingv2.HorizontalPodAutoscaler
	pvcs        []*corev1.PersistentVolumeClaim
}

// typeMeta is read first to choose the Go type to decode a manifest into.
type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
}

// decodeManifest strictly decodes one manifest: unknown or duplicate fields fail.
func decodeManifest(raw []byte, into *k8sObjects) (string, error) {
	var tm typeMeta
	if err := yaml.Unmarshal(raw, &tm); err != nil {
		return "", err
	}
	gvk := tm.APIVersion + "/" + tm.Kind
	var obj any
	switch gvk {
	case "apps/v1/Deployment":
		d := &appsv1.Deployment{}
		into.deployments = append(into.deployments, d)
		obj = d
	case "v1/Service":
		s := &corev1.Service{}
		into.services = append(into.services, s)
		obj = s
	case "policy/v1/PodDisruptionBudget":
		p := &policyv1.PodDisruptionBudget{}
		into.pdbs = append(into.pdbs, p)
		obj = p
	// Kinds that later features may add are decoded just as strictly.
	case "v1/ConfigMap":
		obj = &corev1.ConfigMap{}
	case "v1/Secret":
		obj = &corev1.Secret{}
	case "v1/ServiceAccount":
		obj = &corev1.ServiceAccount{}
	case "v1/PersistentVolumeClaim":
		pvc := &corev1.PersistentVolumeClaim{}
		into.pvcs = append(into.pvcs, pvc)
		obj = pvc
	case "autoscaling/v2/HorizontalPodAutoscaler":
		h := &autoscalingv2.HorizontalPodAutoscaler{}
		into.hpas = append(into.hpas, h)
		obj = h
	case "networking.k8s.io/v1/NetworkPolicy":
		obj = &networkingv1.NetworkPolicy{}
	case "networking.k8s.io/v1/Ingress":
		obj = &networkingv1.Ingress{}
	default:
		return gvk, fmt.Errorf("unexpected kind %q (apiVersion %q)", tm.Kind, tm.APIVersion)
	}
	return gvk, strictUnmarshal(raw, obj)
}

// strictUnmarshal decodes YAML the way the API server's strict field validation does:
// duplicate keys, unknown fields and fields in the wrong case are errors.
func strictUnmarshal(raw []byte, obj any) error {
	js, err := yaml.YAMLToJSONStrict(raw)
	if err != nil {
		return err
	}
	strictErrs, err := kjson.UnmarshalStrict(js, obj, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
	if err != nil {
		return err
	}
	return errors.Join(strictErrs...)
}

func checkK8s(c *checker, e expect) {
	dir := filepath.Join(e.dir, "deploy", "k8s")
	entries, err := os.ReadDir(dir)
	if !c.noErr(err, "read deploy/k8s") {
		return
	}
	var manifests []string
	for _, ent := range entries {
		n := ent.Name()
		if !ent.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) && n != "kustomization.yaml" {
			manifests = append(manifests, n)
		}
	}

	// The source files, one by one.
	var src k8sObjects
	for _, n := range manifests {
		raw, err := os.ReadFile(filepath.Join(dir, n))
		if !c.noErr(err, "read %s", n) {
			continue
		}
		plainYAML(c, n, raw)
		gvk, err := decodeManifest(raw, &src)
		c.noErr(err, "%s decodes strictly as %s", n, gvk)
	}

	// kustomization.yaml: strict decode, and it lists every manifest.
	raw, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if !c.noErr(err, "read kustomization.yaml") {
		return
	}
	plainYAML(c, "kustomization.yaml", raw)
	var k kusttypes.Kustomization
	if c.noErr(strictUnmarshal(raw, &k), "kustomization.yaml decodes strictly as a Kustomization") {
		c.check(k.APIVersion == "kustomize.config.k8s.io/v1beta1" && k.Kind == "Kustomization",
			"kustomization.yaml is kustomize.config.k8s.io/v1beta1 Kustomization (got %s %s)", k.APIVersion, k.Kind)
		for _, n := range manifests {
			// A single-writer service leaves the autoscaler of the base manifests out on purpose.
			if e.singleWriter && n == "hpa.yaml" {
				c.check(!slices.Contains(k.Resources, n), "kustomization.yaml leaves hpa.yaml out (one writer)")
				continue
			}
			c.check(slices.Contains(k.Resources, n), "kustomization.yaml lists %s", n)
		}
		for _, r := range k.Resources {
			_, err := os.Stat(filepath.Join(dir, r))
			c.check(err == nil, "kustomization resource %s exists", r)
		}
	}

	// What `kubectl apply -k` would send: a real kustomize build, decoded strictly again.
	kz := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	rm, err := kz.Run(filesys.MakeFsOnDisk(), dir)
	if !c.noErr(err, "kustomize build deploy/k8s") {
		return
	}
	var built k8sObjects
	for _, r := range rm.Resources() {
		out, err := r.AsYAML()
		if !c.noErr(err, "serialize built %s", r.CurId()) {
			continue
		}
		gvk, err := decodeManifest(out, &built)
		c.noErr(err, "built %s decodes strictly as %s", r.GetName(), gvk)
	}
	checkK8sObjects(c, e, built)
}

func checkK8sObjects(c *checker, e expect, o k8sObjects) {
	if !c.check(len(o.deployments) == 1, "exactly one Deployment (got %d)", len(o.deployments)) {
		return
	}
	d := o.deployments[0]
	c.check(d.Name == e.name, "Deployment is named %q (got %q)", e.name, d.Name)
	nameLabels(c, "Deployment", d.ObjectMeta, e.name)
	pod := d.Spec.Template
	podLabels := labels.Set(pod.Labels)
	c.check(pod.Labels["app.kubernetes.io/name"] == e.name, "pod template has label app.kubernetes.io/name=%s", e.name)
	checkLabelValues(c, "pod template", pod.Labels)
	if sel, ok := selectorOf(c, "Deployment", d.Spec.Selector); ok {
		c.check(sel.Matches(podLabels), "Deployment selector %s matches its pod template labels", sel)
	}
	s := d.Spec.Strategy
	if e.singleWriter {
		checkSingleWriter(c, e, d, o)
	} else {
		c.check(d.Spec.Replicas != nil && *d.Spec.Replicas >= 2, "Deployment runs at least 2 replicas")
		c.check(s.Type == appsv1.RollingUpdateDeploymentStrategyType, "Deployment strategy is RollingUpdate (got %q)", s.Type)
	}
	if !e.singleWriter && c.check(s.RollingUpdate != nil, "rollingUpdate is set") {
		c.check(intOrPercent(s.RollingUpdate.MaxSurge) == 1, "rollingUpdate.maxSurge is 1 (got %v)", s.RollingUpdate.MaxSurge)
		c.check(intOrPercent(s.RollingUpdate.MaxUnavailable) == 0, "rollingUpdate.maxUnavailable is 0 (got %v)", s.RollingUpdate.MaxUnavailable)
	}

	ps := pod.Spec
	c.check(ps.AutomountServiceAccountToken != nil && !*ps.AutomountServiceAccountToken, "the pod does not mount a service account token")
	if len(ps.Containers) == 0 {
		c.fail("the pod has no containers")
		return
	}
	var ctr *corev1.Container
	for i := range ps.Containers {
		if ps.Containers[i].Name == e.name {
			ctr = &ps.Containers[i]
		}
	}
	if !c.check(ctr != nil, "the pod has a container named %q", e.name) {
		ctr = &ps.Containers[0]
	}
	c.check(imagePinned(ctr.Image), "container image has an explicit tag that is not latest (got %q)", ctr.Image)

	// Security: non-root, no privilege escalation, read-only root, no capabilities, seccomp.
	psc := ps.SecurityContext
	if psc == nil {
		psc = &corev1.PodSecurityContext{}
	}
	csc := ctr.SecurityContext
	if csc == nil {
		csc = &corev1.SecurityContext{}
	}
	nonRoot := (csc.RunAsNonRoot != nil && *csc.RunAsNonRoot) || (csc.RunAsNonRoot == nil && psc.RunAsNonRoot != nil && *psc.RunAsNonRoot)
	c.check(nonRoot, "runAsNonRoot is true")
	uid := csc.RunAsUser
	if uid == nil {
		uid = psc.RunAsUser
	}
	c.check(uid == nil || *uid != 0, "runAsUser is not 0")
	if uid != nil {
		if img := dockerfileUser(e); img != "" {
			c.check(strconv.FormatInt(*uid, 10) == img, "runAsUser %d is the image's USER %s", *uid, img)
		}
	}
	seccomp := csc.SeccompProfile
	if seccomp == nil {
		seccomp = psc.SeccompProfile
	}
	c.check(seccomp != nil && seccomp.Type == corev1.SeccompProfileTypeRuntimeDefault, "seccompProfile is RuntimeDefault")
	c.check(csc.AllowPrivilegeEscalation != nil && !*csc.AllowPrivilegeEscalation, "allowPrivilegeEscalation is false")
	c.check(csc.Privileged == nil || !*csc.Privileged, "the container is not privileged")
	c.check(csc.ReadOnlyRootFilesystem != nil && *csc.ReadOnlyRootFilesystem, "readOnlyRootFilesystem is true")
	c.check(csc.Capabilities != nil && slices.Contains(csc.Capabilities.Drop, "ALL") && len(csc.Capabilities.Add) == 0,
		"capabilities drop ALL and add none")

	// Env: unique names, references only to earlier variables, the service's contract.
	env := map[string]string{}
	seen := map[string]bool{}
	for _, v := range ctr.Env {
		c.check(!seen[v.Name], "env %s is set once", v.Name)
		for _, ref := range envRefRe.FindAllStringSubmatch(v.Value, -1) {
			c.check(seen[ref[1]], "env %s refers to $(%s), which is defined before it", v.Name, ref[1])
		}
		seen[v.Name] = true
		if v.ValueFrom == nil {
			env[v.Name] = v.Value
		}
	}
	port, err := httpPort(env)
	c.noErr(err, "HTTP_ADDR gives the listen port")
	c.check(env["LOG_LEVEL"] != "", "LOG_LEVEL is set")

	var httpContainerPort *corev1.ContainerPort
	for i, p := range ctr.Ports {
		c.check(p.Name == "" || len(validation.IsValidPortName(p.Name)) == 0, "container port name %q is valid", p.Name)
		if p.Name == "http" {
			httpContainerPort = &ctr.Ports[i]
		}
	}
	if c.check(httpContainerPort != nil, "the container has a port named http") {
		c.check(int(httpContainerPort.ContainerPort) == port, "port http is %d, the HTTP_ADDR port (got %d)", port, httpContainerPort.ContainerPort)
	}
	resolvesToHTTP := func(p intstr.IntOrString) bool {
		if p.Type == intstr.String {
			return p.StrVal == "http" && httpContainerPort != nil
		}
		return int(p.IntVal) == port
	}

	// Probes.
	probe := func(kind string, pr *corev1.Probe, path string) {
		if !c.check(pr != nil, "%s probe is set", kind) {
			return
		}
		if !c.check(pr.HTTPGet != nil, "%s probe is an HTTP GET", kind) {
			return
		}
		c.check(pr.HTTPGet.Path == path, "%s probe path is %s (got %s)", kind, path, pr.HTTPGet.Path)
		c.check(resolvesToHTTP(pr.HTTPGet.Port), "%s probe targets the http port (got %s)", kind, pr.HTTPGet.Port.String())
	}
	probe("liveness", ctr.LivenessProbe, "/healthz")
	probe("readiness", ctr.ReadinessProbe, "/readyz")
	if ctr.StartupProbe != nil {
		probe("startup", ctr.StartupProbe, "/healthz")
	}

	// Graceful shutdown: SIGTERM -> not ready during the drain delay -> drain -> exit, all
	// within the grace period.
	shutdown, drain, err := shutdownBudget(env)
	if c.noErr(err, "SHUTDOWN_TIMEOUT and SHUTDOWN_DRAIN_DELAY parse") {
		c.check(drain > 0, "SHUTDOWN_DRAIN_DELAY is set so endpoints are removed before the server stops (got %s)", drain)
		if c.check(ps.TerminationGracePeriodSeconds != nil, "terminationGracePeriodSeconds is set") {
			grace := time.Duration(*ps.TerminationGracePeriodSeconds) * time.Second
			c.check(grace > drain+shutdown, "terminationGracePeriodSeconds %s exceeds SHUTDOWN_DRAIN_DELAY %s + SHUTDOWN_TIMEOUT %s", grace, drain, shutdown)
		}
	}

	// Resources.
	req, lim := ctr.Resources.Requests, ctr.Resources.Limits
	c.check(!req.Cpu().IsZero() && !req.Memory().IsZero(), "cpu and memory requests are set")
	if c.check(!lim.Memory().IsZero(), "a memory limit is set") {
		c.check(lim.Memory().Cmp(*req.Memory()) >= 0, "memory limit %s is at least the request %s", lim.Memory(), req.Memory())
		if v, ok := env["GOMEMLIMIT"]; ok {
			b, err := goMemLimit(v)
			if c.noErr(err, "GOMEMLIMIT %q parses", v) {
				c.check(b < lim.Memory().Value(), "GOMEMLIMIT %s is below the memory limit %s", v, lim.Memory())
			}
		}
	}
	if cpu, ok := lim[corev1.ResourceCPU]; ok {
		c.check(cpu.Cmp(*req.Cpu()) >= 0, "cpu limit %s is at least the request %s", cpu.String(), req.Cpu())
	}

	// Volumes mounted exist (a read-only root filesystem usually comes with a writable /tmp).
	vols := map[string]bool{}
	for _, v := range ps.Volumes {
		vols[v.Name] = true
	}
	for _, m := range ctr.VolumeMounts {
		c.check(vols[m.Name], "volumeMount %s refers to a pod volume", m.Name)
	}
	spreadOver := map[string]bool{}
	for _, t := range ps.TopologySpreadConstraints {
		spreadOver[t.TopologyKey] = true
		if sel, ok := selectorOf(c, "topologySpreadConstraint", t.LabelSelector); ok {
			c.check(sel.Matches(podLabels), "topology spread selector %s matches the pods", sel)
		}
	}
	for _, key := range []string{"kubernetes.io/hostname", "topology.kubernetes.io/zone"} {
		c.check(spreadOver[key], "pods are spread over %s", key)
	}
	if !e.singleWriter {
		checkHPA(c, d, o.hpas, !req.Cpu().IsZero())
	}

	// Metrics scraping annotations exactly when metrics are on.
	ann := pod.Annotations
	if e.metrics {
		c.check(ann["prometheus.io/scrape"] == "true", "pod annotation prometheus.io/scrape is \"true\"")
		c.check(ann["prometheus.io/path"] == "/metrics", "pod annotation prometheus.io/path is /metrics")
		c.check(ann["prometheus.io/port"] == strconv.Itoa(port), "pod annotation prometheus.io/port is %d (got %q)", port, ann["prometheus.io/port"])
	} else {
		for k := range ann {
			c.check(!strings.HasPrefix(k, "prometheus.io/"), "no %s annotation without metrics", k)
		}
	}

	// Tracing env exactly when tracing is on.
	if e.tracing {
		c.check(env["OTEL_SERVICE_NAME"] == e.name, "OTEL_SERVICE_NAME is %q (got %q)", e.name, env["OTEL_SERVICE_NAME"])
	} else {
		for k := range seen {
			c.check(!strings.HasPrefix(k, "OTEL_"), "no %s without tracing", k)
		}
	}

	// Service: ClusterIP 80 -> http, selecting the pods.
	if c.check(len(o.services) == 1, "exactly one Service (got %d)", len(o.services)) {
		s := o.services[0]
		c.check(s.Name == e.name, "Service is named %q (got %q)", e.name, s.Name)
		c.check(len(validation.IsDNS1035Label(s.Name)) == 0, "Service name %q is a DNS-1035 label", s.Name)
		nameLabels(c, "Service", s.ObjectMeta, e.name)
		c.check(s.Spec.Type == "" || s.Spec.Type == corev1.ServiceTypeClusterIP, "Service type is ClusterIP (got %q)", s.Spec.Type)
		c.check(len(s.Spec.Selector) > 0 && labels.SelectorFromSet(s.Spec.Selector).Matches(podLabels),
			"Service selector %v selects the Deployment's pods", s.Spec.Selector)
		var sp *corev1.ServicePort
		for i := range s.Spec.Ports {
			if s.Spec.Ports[i].Name == "http" {
				sp = &s.Spec.Ports[i]
			}
		}
		if c.check(sp != nil, "Service has a port named http") {
			c.check(sp.Port == 80, "Service port http is 80 (got %d)", sp.Port)
			c.check(resolvesToHTTP(sp.TargetPort), "Service targetPort %s reaches the container's http port", sp.TargetPort.String())
			c.check(sp.Protocol == "" || sp.Protocol == corev1.ProtocolTCP, "Service port protocol is TCP")
		}
	}

	// PodDisruptionBudget: selects the pods and still lets a node drain.
	if c.check(len(o.pdbs) == 1, "exactly one PodDisruptionBudget (got %d)", len(o.pdbs)) {
		p := o.pdbs[0]
		nameLabels(c, "PodDisruptionBudget", p.ObjectMeta, e.name)
		if sel, ok := selectorOf(c, "PodDisruptionBudget", p.Spec.Selector); ok {
			c.check(sel.Matches(podLabels), "PodDisruptionBudget selector %s matches the pods", sel)
		}
		replicas := 1
		if d.Spec.Replicas != nil {
			replicas = int(*d.Spec.Replicas)
		}
		switch {
		case p.Spec.MaxUnavailable != nil:
			c.check(intOrPercent(p.Spec.MaxUnavailable) >= 1, "PDB maxUnavailable allows evictions (got %s)", p.Spec.MaxUnavailable.String())
		case p.Spec.MinAvailable != nil:
			c.check(intOrPercent(p.Spec.MinAvailable) < replicas, "PDB minAvailable %s is below the %d replicas", p.Spec.MinAvailable.String(), replicas)
		default:
			c.fail("PDB sets neither maxUnavailable nor minAvailable")
		}
	}
}

var envRefRe = regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)

func nameLabels(c *checker, what string, m metav1.ObjectMeta, name string) {
	c.check(m.Labels["app.kubernetes.io/name"] == name, "%s has label app.kubernetes.io/name=%s", what, name)
	checkLabelValues(c, what, m.Labels)
	c.check(len(validation.IsDNS1123Subdomain(m.Name)) == 0, "%s name %q is a DNS-1123 subdomain", what, m.Name)
}

func checkLabelValues(c *checker, what string, l map[string]string) {
	for k, v := range l {
		c.check(len(validation.IsQualifiedName(k)) == 0 && len(validation.IsValidLabelValue(v)) == 0,
			"%s label %s=%s is valid", what, k, v)
	}
}

func selectorOf(c *checker, what string, s *metav1.LabelSelector) (labels.Selector, bool) {
	if !c.check(s != nil && (len(s.MatchLabels) > 0 || len(s.MatchExpressions) > 0), "%s has a non-empty selector", what) {
		return nil, false
	}
	sel, err := metav1.LabelSelectorAsSelector(s)
	return sel, c.noErr(err, "%s selector is valid", what)
}

// intOrPercent returns an int value, or -1 for percentages other than 0%.
func intOrPercent(v *intstr.IntOrString) int {
	if v == nil {
		return -1
	}
	if v.Type == intstr.Int {
		return int(v.IntVal)
	}
	if v.StrVal == "0%" {
		return 0
	}
	if n, err := strconv.Atoi(v.StrVal); err == nil {
		return n
	}
	return -1
}

// goMemLimit parses a GOMEMLIMIT value the way the Go runtime does (bytes with an optional
// B, KiB, MiB, GiB or TiB suffix).
func goMemLimit(v string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	for _, u := range units {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			x, err := strconv.ParseInt(n, 10, 64)
			return x * u.mult, err
		}
	}
	return strconv.ParseInt(v, 10, 64)
}

// dockerfileUser returns the numeric user the Dockerfile's final stage runs as, if any.
func dockerfileUser(e expect) string {
	raw, err := os.ReadFile(filepath.Join(e.dir, "Dockerfile"))
	if err != nil {
		return ""
	}
	res, err := parser.Parse(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil || len(stages) == 0 {
		return ""
	}
	user := finalUser(stages[len(stages)-1])
	if isDigits(user) {
		return user
	}
	return ""
}

// checkHPA: one autoscaler, on this Deployment, never below 2 replicas (so the PodDisruptionBudget
// lets a node drain), scaling on CPU utilization, which needs a CPU request to mean anything.
func checkHPA(c *checker, d *appsv1.Deployment, hpas []*autoscalingv2.HorizontalPodAutoscaler, cpuRequested bool) {
	if !c.check(len(hpas) == 1, "exactly one HorizontalPodAutoscaler (got %d)", len(hpas)) {
		return
	}
	h := hpas[0]
	nameLabels(c, "HorizontalPodAutoscaler", h.ObjectMeta, d.Name)
	ref := h.Spec.ScaleTargetRef
	c.check(ref.APIVersion == "apps/v1" && ref.Kind == "Deployment" && ref.Name == d.Name,
		"HorizontalPodAutoscaler scales Deployment %s (got %s %s %s)", d.Name, ref.APIVersion, ref.Kind, ref.Name)
	c.check(h.Spec.MinReplicas != nil && *h.Spec.MinReplicas >= 2, "HorizontalPodAutoscaler minReplicas is at least 2")
	if h.Spec.MinReplicas != nil {
		c.check(h.Spec.MaxReplicas > *h.Spec.MinReplicas, "HorizontalPodAutoscaler maxReplicas %d exceeds minReplicas %d", h.Spec.MaxReplicas, *h.Spec.MinReplicas)
		if d.Spec.Replicas != nil {
			r := *d.Spec.Replicas
			c.check(r >= *h.Spec.MinReplicas && r <= h.Spec.MaxReplicas, "Deployment replicas %d is within the autoscaler's %d..%d", r, *h.Spec.MinReplicas, h.Spec.MaxReplicas)
		}
	}
	cpu := false
	for _, m := range h.Spec.Metrics {
		if m.Type == autoscalingv2.ResourceMetricSourceType && m.Resource != nil && m.Resource.Name == corev1.ResourceCPU {
			t := m.Resource.Target
			cpu = t.Type == autoscalingv2.UtilizationMetricType && t.AverageUtilization != nil &&
				*t.AverageUtilization > 0 && *t.AverageUtilization <= 100
		}
	}
	c.check(cpu, "HorizontalPodAutoscaler targets an average CPU utilization between 1 and 100%%")
	c.check(!cpu || cpuRequested, "the container requests CPU, which CPU utilization is measured against")
}

// checkSingleWriter: a service whose data is a file on a volume runs one replica, stops the old pod
// before the new one mounts the volume (Recreate), scales by no autoscaler, and mounts a
// ReadWriteOnce PersistentVolumeClaim of the build, writable by the pod's fsGroup.
func checkSingleWriter(c *checker, e expect, d *appsv1.Deployment, o k8sObjects) {
	c.check(d.Spec.Replicas != nil && *d.Spec.Replicas == 1, "Deployment runs exactly 1 replica (one writer)")
	c.check(d.Spec.Strategy.Type == appsv1.RecreateDeploymentStrategyType && d.Spec.Strategy.RollingUpdate == nil,
		"Deployment strategy is Recreate (got %q)", d.Spec.Strategy.Type)
	c.check(len(o.hpas) == 0, "no HorizontalPodAutoscaler (got %d)", len(o.hpas))
	if !c.check(len(o.pvcs) == 1, "exactly one PersistentVolumeClaim (got %d)", len(o.pvcs)) {
		return
	}
	pvc := o.pvcs[0]
	nameLabels(c, "PersistentVolumeClaim", pvc.ObjectMeta, e.name)
	c.check(slices.Equal(pvc.Spec.AccessModes, []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce}), "PersistentVolumeClaim is ReadWriteOnce")
	_, sized := pvc.Spec.Resources.Requests[corev1.ResourceStorage]
	c.check(sized, "PersistentVolumeClaim requests storage")
	ps := d.Spec.Template.Spec
	volume := ""
	for _, v := range ps.Volumes {
		if v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == pvc.Name {
			volume = v.Name
		}
	}
	if !c.check(volume != "", "the pod has a volume of claim %s", pvc.Name) {
		return
	}
	mounted := false
	for _, ctr := range ps.Containers {
		for _, m := range ctr.VolumeMounts {
			mounted = mounted || (ctr.Name == e.name && m.Name == volume && !m.ReadOnly)
		}
	}
	c.check(mounted, "the container mounts volume %s writable", volume)
	c.check(ps.SecurityContext != nil && ps.SecurityContext.FSGroup != nil, "the pod sets fsGroup, so the volume is writable by its user")
}
