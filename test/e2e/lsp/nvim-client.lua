-- Drives Neovim's built-in LSP client against `natmodgen lsp` (run by test/e2e/lsp.test.ts).
-- Environment: NMG_CMD (JSON list: the server command), NMG_FILE (the C file to open),
-- NMG_EDIT_LINE / NMG_EDIT_TEXT (a 1-based line to replace after formatting), NMG_RESULT
-- (where to write the JSON record). Works with Neovim 0.7 and later.
local cmd = vim.fn.json_decode(os.getenv('NMG_CMD'))
local file = os.getenv('NMG_FILE')
local record = { publishes = {}, steps = {} }
local function step(s) table.insert(record.steps, s) end

local function finish()
  local f = io.open(os.getenv('NMG_RESULT'), 'w')
  f:write(vim.fn.json_encode(record))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local default = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    table.insert(record.publishes, { version = result.version, diagnostics = result.diagnostics })
    return default(e, result, ctx, config)
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({ name = 'natmodgen', cmd = cmd, root_dir = vim.fn.fnamemodify(file, ':h') })
  vim.lsp.buf_attach_client(buf, client)
  if not vim.wait(30000, function() return #record.publishes > 0 end, 20) then error('no diagnostics published after open') end
  step('opened')
  local before = #record.publishes
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 30000 })
  else
    vim.lsp.buf.formatting_sync(nil, 30000)
  end
  record.formatted = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  step('formatted')
  -- The formatting edit is a change: the server analyses the new version too.
  if not vim.wait(30000, function() return #record.publishes > before end, 20) then error('no diagnostics after formatting') end
  local line = tonumber(os.getenv('NMG_EDIT_LINE'))
  before = #record.publishes
  vim.api.nvim_buf_set_lines(buf, line - 1, line, false, { os.getenv('NMG_EDIT_TEXT') })
  record.edited = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  if not vim.wait(30000, function() return #record.publishes > before end, 20) then error('no diagnostics after the edit') end
  step('edited')
  vim.lsp.stop_client(client)
end)
if not ok then record.error = tostring(err) end
finish()
