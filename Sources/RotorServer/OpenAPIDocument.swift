/// The API described in OpenAPI 3 and served at `GET /openapi.json`. A Swift literal rather than a
/// resource file, so that the `rotor` binary works wherever it is copied; a test checks that its
/// paths and methods are exactly the router's.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Rotor",
    "version": "0.1.0",
    "description": "Staff rostering: upload a problem, start solve jobs that run in the background and survive restarts, follow their progress, fetch the best roster as JSON, CSV or per-person iCalendar feeds, score rosters a planner edited, and ask who could cover a shift or swap a day. When the server has an API token, every /api request needs 'Authorization: Bearer <token>'. Every error is a JSON object {\"error\": message}."
  },
  "components": {
    "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
    "parameters": {
      "problemId": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } },
      "jobId": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } }
    },
    "responses": {
      "BadRequest": { "description": "The request is not valid; the message says what is wrong.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "NotFound": { "description": "No such problem, job, roster or staff member.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Unauthorized": { "description": "The API token is missing or wrong.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "TooLarge": { "description": "The body is larger than the server accepts.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
    },
    "schemas": {
        "Recommendations": {
          "type": "object",
          "required": ["date", "hardPenalty", "objective", "candidates", "recommendations"],
          "properties": {
            "date": { "type": "string", "format": "date" },
            "post": { "type": "string", "description": "The post asked about (a cover question)." },
            "swapWith": { "type": "string", "description": "The staff ID asked about (a swap question)." },
            "replace": { "type": "string", "description": "The staff ID whose shift is to be taken over (a replace question)." },
            "hardPenalty": { "type": "integer", "description": "The roster's hard penalty before any change." },
            "objective": { "type": "integer", "description": "The roster's objective before any change." },
            "candidates": { "type": "integer", "description": "How many people could make the change (the list may show fewer: limit)." },
            "recommendations": { "type": "array", "items": {
              "type": "object",
              "required": ["staff", "changes", "hard", "soft", "costs", "relieves", "fairness"],
              "properties": {
                "staff": { "type": "string" },
                "changes": { "type": "array", "items": { "type": "object", "properties": { "staff": { "type": "string" }, "date": { "type": "string", "format": "date" }, "from": { "type": ["string", "null"] }, "to": { "type": ["string", "null"] } } } },
                "hard": { "type": "integer", "description": "Change in hard penalty." },
                "soft": { "type": "integer", "description": "Change in objective." },
                "costs": { "type": "array", "items": { "$ref": "#/components/schemas/Penalty" }, "description": "Penalties the change adds or raises (their new amount)." },
                "relieves": { "type": "array", "items": { "$ref": "#/components/schemas/Penalty" }, "description": "Penalties the change removes or lowers (their old amount)." },
                "fairness": { "type": "integer", "description": "What the team's fairness goals add to the objective." }
              }
            } }
          }
        },
        "Penalty": {
          "type": "object",
          "properties": { "rule": { "type": "string" }, "hard": { "type": "boolean" }, "penalty": { "type": "integer" }, "message": { "type": "string" } }
        },
      "Feed": {
        "type": "object", "required": ["id", "problemId", "staff", "url", "createdAt"],
        "properties": {
          "id": { "type": "integer" }, "problemId": { "type": "integer" }, "staff": { "type": "string" },
          "url": { "type": "string", "description": "The path to subscribe to, under the server's address." },
          "createdAt": { "type": "string", "format": "date-time" }, "revokedAt": { "type": "string", "format": "date-time" }
        }
      },
      "Rule": {
        "type": "object", "required": ["id", "title", "contract", "parameters"],
        "properties": {
          "id": { "type": "string" }, "title": { "type": "string" }, "contract": { "type": "boolean" },
          "parameters": { "type": "array", "items": { "type": "object", "required": ["key", "kind", "optional"],
            "properties": { "key": { "type": "string" }, "kind": { "type": "string", "enum": ["hours", "integer", "shift"] }, "optional": { "type": "boolean" } } } }
        }
      },
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {
          "error": { "type": "string" },
          "details": { "type": "array", "items": { "type": "string" }, "description": "Every message, when there are several." }
        }
      },
      "Score": {
        "type": "object", "required": ["hard", "soft", "feasible"],
        "properties": { "hard": { "type": "integer" }, "soft": { "type": "integer" }, "feasible": { "type": "boolean" } }
      },
      "Problem": {
        "type": "object", "required": ["id", "name", "format", "staffCount", "days", "createdAt"],
        "properties": {
          "id": { "type": "integer" },
          "name": { "type": "string" },
          "format": { "type": "string", "enum": ["json", "yaml", "curtois"] },
          "staffCount": { "type": "integer" },
          "days": { "type": "integer" },
          "createdAt": { "type": "string", "format": "date-time" },
          "jobs": { "type": "array", "items": { "$ref": "#/components/schemas/Job" }, "description": "In GET /api/problems/{id} only." }
        }
      },
      "JobRequest": {
        "type": "object", "additionalProperties": false,
        "properties": {
          "timeLimit": { "type": "number", "default": 60, "description": "Seconds; at most the server's maximum (24 h by default)." },
          "threads": { "type": "integer", "default": 1, "minimum": 1, "description": "At most the server's core count." },
          "seed": { "type": "integer", "default": 1, "minimum": 0 },
          "startFrom": { "type": "integer", "description": "A job of the same problem whose saved roster the search starts from (resume an interrupted job, improve a finished one)." }
        }
      },
      "Job": {
        "type": "object",
        "required": ["id", "problemId", "status", "timeLimit", "threads", "seed", "bound", "gap", "boundRelaxes", "moves", "elapsedSeconds", "movesPerSecond", "stopRequested", "createdAt"],
        "properties": {
          "id": { "type": "integer" },
          "problemId": { "type": "integer" },
          "status": { "type": "string", "enum": ["queued", "running", "finished", "optimal", "stopped", "interrupted", "failed"], "description": "A job ends 'finished' at its time limit, 'optimal' when its roster meets the proven bound (no roster scores better; the search stops early), 'stopped' on request, 'interrupted' when its server stopped, 'failed' when the solver could not run it." },
          "timeLimit": { "type": "number" },
          "threads": { "type": "integer" },
          "seed": { "type": "integer" },
          "startFrom": { "type": "integer" },
          "best": { "$ref": "#/components/schemas/Score" },
          "bound": { "type": "integer", "nullable": true, "description": "A proven lower bound on the objective (soft penalty) of every roster that keeps the hard rules; null until the solver proves one." },
          "gap": { "type": "number", "nullable": true, "minimum": 0, "maximum": 1, "description": "How far the best roster can at most be from the best possible, as a share of its objective: (objective - bound) / max(objective, 1). 0 when it is proved optimal; null without a bound or while the best roster breaks a hard rule." },
          "boundRelaxes": { "type": "array", "items": { "type": "string" }, "nullable": true, "description": "The rules the bound leaves out (it still holds, but may be further below the best possible); empty when it models every rule, null without a bound." },
          "saved": {
            "type": "object", "description": "While the job runs: the roster saved so far (every couple of seconds, so it can trail best).",
            "properties": { "score": { "$ref": "#/components/schemas/Score" }, "hardViolations": { "type": "integer" } }
          },
          "moves": { "type": "integer" },
          "elapsedSeconds": { "type": "number" },
          "movesPerSecond": { "type": "number" },
          "error": { "type": "string", "description": "Why the job failed or was interrupted." },
          "stopRequested": { "type": "boolean" },
          "createdAt": { "type": "string", "format": "date-time" },
          "startedAt": { "type": "string", "format": "date-time" },
          "finishedAt": { "type": "string", "format": "date-time" }
        }
      },
      "Roster": {
        "type": "object",
        "description": "A roster with its score and explanations, as `rotor solve --out roster.json` writes it.",
        "required": ["instance", "objective", "hardPenalty", "feasible", "days", "roster", "breakdown"],
        "properties": {
          "instance": { "type": "string" },
          "objective": { "type": "integer" },
          "bound": { "type": "integer", "description": "A job's roster only, once the job has one: the job's proven lower bound on the objective." },
          "gap": { "type": "number", "minimum": 0, "maximum": 1, "description": "With bound, when the roster keeps every hard rule: (objective - bound) / max(objective, 1)." },
          "boundRelaxes": { "type": "array", "items": { "type": "string" }, "description": "With bound: the rules it leaves out." },
          "hardPenalty": { "type": "integer" },
          "feasible": { "type": "boolean" },
          "days": { "type": "integer" },
          "roster": {
            "type": "array",
            "items": {
              "type": "object", "required": ["staff", "shifts"],
              "properties": { "staff": { "type": "string" }, "shifts": { "type": "array", "items": { "type": "string", "nullable": true } } }
            }
          },
          "breakdown": {
            "type": "object",
            "properties": {
              "softByRule": { "type": "object", "additionalProperties": { "type": "integer" } },
              "softByStaff": { "type": "object", "additionalProperties": { "type": "integer" } },
              "softByDay": { "type": "array", "items": { "type": "integer" } },
              "violations": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "rule": { "type": "string" }, "hard": { "type": "boolean" }, "staff": { "type": "string" },
                    "day": { "type": "integer" }, "days": { "type": "integer" }, "post": { "type": "string" },
                    "amount": { "type": "integer" }, "penalty": { "type": "integer" }, "message": { "type": "string" }
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  "security": [{ "bearer": [] }],
  "paths": {
    "/openapi.json": {
      "get": {
        "summary": "This document.", "security": [],
        "responses": { "200": { "description": "The OpenAPI document.", "content": { "application/json": { "schema": { "type": "object" } } } } }
      }
    },
    "/api/rules": {
      "get": {
        "summary": "Every rule a violation can name.",
        "description": "Each rule's id (the `rule` of a violation), its heading, whether contracts set it, and the parameters a problem document gives it.",
        "responses": {
          "200": { "description": "The rules.", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Rule" } } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    },
    "/api/problems": {
      "post": {
        "summary": "Upload a problem.",
        "description": "The body is a problem document in JSON or YAML (docs/model.md) or a Curtois benchmark file. Content-Type application/json or application/yaml decides; otherwise '{' first means JSON, a SECTION_HORIZON line the Curtois format, anything else YAML.",
        "parameters": [{ "name": "name", "in": "query", "schema": { "type": "string", "maxLength": 100 }, "description": "A name for listings and messages." }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object" } }, "application/yaml": { "schema": { "type": "string" } }, "text/plain": { "schema": { "type": "string" } } } },
        "responses": {
          "201": { "description": "Stored.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "413": { "$ref": "#/components/responses/TooLarge" }
        }
      },
      "get": {
        "summary": "List problems.",
        "responses": {
          "200": { "description": "Every problem, oldest first.", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    },
    "/api/problems/{id}": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "get": {
        "summary": "A problem and its jobs.",
        "responses": {
          "200": { "description": "The problem.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      },
      "delete": {
        "summary": "Delete a problem with its jobs and rosters.",
        "responses": {
          "204": { "description": "Deleted." },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "409": { "description": "One of its jobs is running.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    },
    "/api/problems/{id}/document": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "get": {
        "summary": "A problem as Rotor's JSON problem document.",
        "description": "Whatever format the problem was uploaded in (JSON, YAML or Curtois), its sites, skills, shifts, contracts, staff and demand as a problem document (docs/model.md); defaults are left out.",
        "responses": {
          "200": { "description": "The problem document.", "content": { "application/json": { "schema": { "type": "object" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/problems/{id}/jobs": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "post": {
        "summary": "Start a solve job.",
        "requestBody": { "required": false, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/JobRequest" } } } },
        "responses": {
          "202": { "description": "Started (status running) or, on a shared PostgreSQL database, queued for the first worker with room (status queued); follow it at the Location header.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "429": { "description": "The server runs as many jobs as it allows; retry later. Only on a server's own data directory: a shared database queues the job instead.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      },
      "get": {
        "summary": "A problem's jobs.",
        "responses": {
          "200": { "description": "Its jobs, oldest first.", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Job" } } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/problems/{id}/score": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "post": {
        "summary": "Score a roster.",
        "description": "The body is a roster as GET /api/jobs/{id}/roster writes it: CSV (text/csv) or JSON (only its roster rows are read).",
        "requestBody": { "required": true, "content": { "text/csv": { "schema": { "type": "string" } }, "application/json": { "schema": { "$ref": "#/components/schemas/Roster" } } } },
        "responses": {
          "200": { "description": "The score, every violation with its message, and the breakdown.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Roster" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "413": { "$ref": "#/components/responses/TooLarge" }
        }
      }
    },
    "/api/problems/{id}/recommend": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "post": {
        "summary": "Who could cover a shift, or swap a day: ranked by the change in score.",
        "description": "The body is a roster, as for /score. With `post`, everyone who could work that post on `date` (moved from whatever they have that day); with `swapWith`, everyone who could trade `date` with that person (cover unchanged); with `replace`, everyone who could take over that person's shift on `date` while they go off. Best first: least change in hard penalty, then in objective. Each comes with the cells it changes and the sentences of what it breaks or costs and what it relieves.",
        "parameters": [
          { "name": "date", "in": "query", "required": true, "schema": { "type": "string", "format": "date" }, "description": "A date of the horizon, YYYY-MM-DD." },
          { "name": "post", "in": "query", "schema": { "type": "string" }, "description": "The post to fill, as the roster names it (SHIFT, SHIFT@SITE, SHIFT@SITE/SKILL). Give one of post, swapWith and replace." },
          { "name": "swapWith", "in": "query", "schema": { "type": "string" }, "description": "A staff ID: who could swap the date with them. Give one of post, swapWith and replace." },
          { "name": "replace", "in": "query", "schema": { "type": "string" }, "description": "A staff ID: who could take over their shift on the date while they go off (a sick call)." },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 10 }, "description": "List at most this many people; 0 lists everyone." }
        ],
        "requestBody": { "required": true, "content": { "text/csv": { "schema": { "type": "string" } }, "application/json": { "schema": { "$ref": "#/components/schemas/Roster" } } } },
        "responses": {
          "200": { "description": "The ranking.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Recommendations" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "413": { "$ref": "#/components/responses/TooLarge" }
        }
      }
    },
    "/api/jobs/{id}": {
      "parameters": [{ "$ref": "#/components/parameters/jobId" }],
      "get": {
        "summary": "A job: status, best score, moves per second.",
        "responses": {
          "200": { "description": "The job.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/jobs/{id}/events": {
      "parameters": [{ "$ref": "#/components/parameters/jobId" }],
      "get": {
        "summary": "Follow a job's progress.",
        "description": "Server-Sent Events: 'progress' events (jobId, status, elapsedSeconds, best, bound, gap, boundRelaxes, saved with its hardViolations, moves, movesPerSecond; the bound fields as in Job, null until a bound is proved) while the job runs, then one 'end' event with the job, and the stream closes; or a 'shutdown' event when the server stops first.",
        "responses": {
          "200": { "description": "The event stream.", "content": { "text/event-stream": { "schema": { "type": "string" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/jobs/{id}/stop": {
      "parameters": [{ "$ref": "#/components/parameters/jobId" }],
      "post": {
        "summary": "Stop a job; it ends 'stopped' with its best roster ('optimal' when that roster meets the proven bound).",
        "responses": {
          "202": { "description": "Stopping.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "409": { "description": "The job has already ended.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    },
    "/api/jobs/{id}/replan": {
      "parameters": [{ "$ref": "#/components/parameters/jobId" }],
      "post": {
        "summary": "Re-plan after absences: the job's problem with new unavailability and the job's roster as the stability goal, stored as a new problem and solved from that roster.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": {
          "type": "object", "additionalProperties": false, "required": ["unavailable"],
          "properties": {
            "unavailable": { "type": "array", "items": { "type": "object", "required": ["staff", "from"], "properties": {
              "staff": { "type": "string" }, "from": { "type": "string", "format": "date" }, "to": { "type": "string", "format": "date" } } } },
            "stabilityWeight": { "type": "integer", "minimum": 0, "default": 10 },
            "timeLimit": { "type": "number" }, "threads": { "type": "integer" }, "seed": { "type": "integer" }
          } } } } },
        "responses": {
          "202": { "description": "The re-planned problem and its job.", "content": { "application/json": { "schema": {
            "type": "object", "properties": { "problem": { "$ref": "#/components/schemas/Problem" }, "job": { "$ref": "#/components/schemas/Job" } } } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" },
          "429": { "description": "Too many jobs are running.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    },
    "/api/jobs/{id}/roster": {
      "parameters": [
        { "$ref": "#/components/parameters/jobId" },
        { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "csv", "xlsx", "html"], "default": "json" }, "description": "json: the roster with its score and explanations; csv: the grid; xlsx: an Excel workbook (a summary sheet, then one sheet per site); html: a printable page per site, shifts in colour, with a legend." }
      ],
      "get": {
        "summary": "A job's best saved roster.",
        "responses": {
          "200": { "description": "The roster.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Roster" } }, "text/csv": { "schema": { "type": "string" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } }, "text/html": { "schema": { "type": "string" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/jobs/{id}/calendar/{staffId}.ics": {
      "parameters": [
        { "$ref": "#/components/parameters/jobId" },
        { "name": "staffId", "in": "path", "required": true, "schema": { "type": "string" } }
      ],
      "get": {
        "summary": "One staff member's shifts in a job's saved roster, as an iCalendar feed.",
        "responses": {
          "200": { "description": "The calendar.", "content": { "text/calendar": { "schema": { "type": "string" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/problems/{id}/feeds": {
      "parameters": [{ "$ref": "#/components/parameters/problemId" }],
      "post": {
        "summary": "A calendar feed for one staff member: an unguessable URL a calendar app subscribes to without the API token.",
        "description": "The body is {\"staff\": \"<staff ID>\"}. The feed serves that person's shifts in the problem's latest saved roster until it is revoked.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["staff"], "properties": { "staff": { "type": "string" } } } } } },
        "responses": {
          "201": { "description": "The feed.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Feed" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      },
      "get": {
        "summary": "The problem's calendar feeds, revoked ones included.",
        "responses": {
          "200": { "description": "The feeds.", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Feed" } } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/feeds/{id}": {
      "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } }],
      "delete": {
        "summary": "Revoke a calendar feed: its URL answers 404 from then on.",
        "responses": {
          "204": { "description": "Revoked." },
          "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/feeds/{token}.ics": {
      "parameters": [{ "name": "token", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }],
      "get": {
        "summary": "A calendar feed: the person's shifts in the problem's latest saved roster, as iCalendar.",
        "security": [],
        "responses": {
          "200": { "description": "The calendar.", "content": { "text/calendar": { "schema": { "type": "string" } } } },
          "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    }
  }
}
"""#
}
