package web

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// pathOpenAPI serves the description of the JSON API.
const pathOpenAPI = "/api/openapi.json"

// openAPIDoc is the OpenAPI 3.1 description of every route under /api,
// /alerts, /feed.atom and /healthz. It is written by hand, to be read as
// documentation too, and served as it is; TestOpenAPI_matchesRoutes fails
// when it and the route table disagree.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI answers GET /api/openapi.json.
func (s *Server) openAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPIDoc)
}
