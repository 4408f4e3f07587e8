package web

import (
	"net/http"
	"time"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// two servers in one process (tests) do not share counters.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	// shed counts the searches refused at once under overload, by
	// search.ShedReason.
	shed *prometheus.CounterVec
}

func newMetrics(s searcher, opts Options) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "advosearch_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "advosearch_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		shed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "advosearch_search_shed_total",
			Help: "Searches refused with 503 and Retry-After before running, because the wait for a search slot would outlast the request's deadline (reason deadline) or the line was full (reason queue).",
		}, []string{"reason"}),
	}
	// Both reasons show from the start, at 0, so that rate() and alerts
	// on them work before the first refusal.
	m.shed.WithLabelValues(string(search.ShedDeadline))
	m.shed.WithLabelValues(string(search.ShedQueue))
	statements := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "advosearch_statements",
		Help: "Statements in the index.",
	}, func() float64 {
		n, err := s.Count()
		if err != nil {
			return -1
		}
		return float64(n)
	})
	m.registry.MustRegister(m.requests, m.latency, m.shed, statements,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if opts.IndexSize != nil {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "advosearch_index_bytes", Help: "Size of the index on disk.",
		}, func() float64 {
			n, err := opts.IndexSize()
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	if opts.Indexed != nil {
		m.registry.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "advosearch_statements_indexed_total", Help: "Statements written since start; rate() of it is the indexing rate.",
		}, func() float64 { return float64(opts.Indexed()) }))
	}
	if opts.Deliveries != nil {
		m.registry.MustRegister(
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "advosearch_webhook_deliveries_total", Help: "Webhook deliveries receivers accepted since start.",
			}, func() float64 { d, _ := opts.Deliveries(); return float64(d) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "advosearch_webhook_failures_total", Help: "Webhook delivery attempts that failed since start.",
			}, func() float64 { _, f := opts.Deliveries(); return float64(f) }))
	}
	return m
}

// observe logs every request once, with its request ID, route, status and
// latency, and counts it in the metrics. Route patterns, not paths, label
// the metrics, so their number stays bounded whatever clients send.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			// Answer now, through the one error handler, so the status is
			// known here.
			c.Error(err)
		}
		elapsed := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		s.metrics.requests.WithLabelValues(route, c.Request().Method, http.StatusText(status)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(elapsed.Seconds())
		s.log.Info("request",
			"id", c.Response().Header().Get(echo.HeaderXRequestID),
			"client", c.RealIP(), "method", c.Request().Method, "route", route, "status", status,
			"ms", float64(elapsed.Microseconds())/1000)
		return nil
	}
}

func (s *Server) metricsHandler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}))
}

// readyz answers 200 once the index is open and answering and
// Options.Ready says it is current, 503 otherwise; /healthz says only that
// the process is alive and how many statements it has.
func (s *Server) readyz(c echo.Context) error {
	if _, err := s.search.Count(); err != nil {
		s.log.Warn("web: not ready", "err", err)
		return c.JSON(http.StatusServiceUnavailable, apiError{Error: "the index is not open"})
	}
	if s.opts.Ready != nil {
		if status, ok := s.opts.Ready(); !ok {
			return c.JSON(http.StatusServiceUnavailable, apiError{Error: status})
		} else if status != "" {
			return c.JSON(http.StatusOK, map[string]string{"status": status})
		}
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
