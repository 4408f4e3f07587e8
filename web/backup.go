package web

import (
	"errors"
	"net/http"
	"path/filepath"

	"github.com/labstack/echo/v4"
)

const (
	msgBackupOff     = "backup is not configured"
	msgBackupNoToken = "backup is disabled: start the server with --token or ADVOSEARCH_TOKEN to enable it"
)

// requireBackupToken guards POST /api/backup like ingest: it writes on the
// server's disk, so it is for token holders only.
func (s *Server) requireBackupToken(next echo.HandlerFunc) echo.HandlerFunc {
	return s.guard(s.opts.Backup != nil, msgBackupOff, msgBackupNoToken)(next)
}

type backupRequest struct {
	Dir string `json:"dir"`
}

// backup writes a consistent copy of the data (index and alerts) into a new
// folder on the server while it keeps serving; the folder is then a data
// folder of its own (advosearch serve --data DIR).
func (s *Server) backup(c echo.Context) error {
	var req backupRequest
	if err := decodeBody(c.Request().Body, &req); err != nil {
		return err
	}
	if !filepath.IsAbs(req.Dir) {
		return badRequest(`"dir" must be an absolute path on the server, of a folder that does not exist yet`)
	}
	if err := s.opts.Backup(c.Request().Context(), filepath.Clean(req.Dir)); err != nil {
		if errors.Is(err, ErrBackupExists) {
			return badRequest("%s already exists: name a new folder", req.Dir)
		}
		return err
	}
	return c.JSON(http.StatusOK, map[string]string{"dir": filepath.Clean(req.Dir)})
}

// ErrBackupExists is what Options.Backup returns (wrapped) when the folder
// is already there.
var ErrBackupExists = errors.New("web: backup folder exists")
