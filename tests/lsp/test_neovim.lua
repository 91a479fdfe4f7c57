-- test_neovim.lua - a real LSP client (Neovim >= 0.7, headless) against
-- `dmacheck lsp`: open a buggy driver, wait for the diagnostics, hover,
-- fix the bug with an edit (incremental sync), wait for them to clear,
-- stop the server. Parameters come from the environment (see
-- test_neovim.sh); results are written to $DMC_OUT, one "ok"/"FAIL" line
-- per check, and nvim exits with status 0 only if all passed.
local exe, rules, file, out_path =
  os.getenv('DMC_EXE'), os.getenv('DMC_RULES'), os.getenv('DMC_FILE'), os.getenv('DMC_OUT')
local out = assert(io.open(out_path, 'w'))
local failed = 0

local function check(cond, what, detail)
  out:write((cond and 'ok   ' or 'FAIL ') .. what .. (cond and '' or (': ' .. vim.inspect(detail))) .. '\n')
  if not cond then failed = failed + 1 end
end

local function finish()
  out:write(failed == 0 and 'all checks passed\n' or (failed .. ' check(s) failed\n'))
  out:close()
  if failed == 0 then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local exit_code
local client_id = vim.lsp.start_client({
  name = 'dmacheck',
  cmd = { exe, 'lsp', '--rules-dir', rules },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  on_exit = function(code) exit_code = code end,
})
check(client_id ~= nil, 'start_client', client_id)
if not client_id then return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local diags = vim.diagnostic.get(bufnr)
check(got, 'diagnostics arrive', diags)
local found
for _, d in ipairs(diags) do
  if d.code == 'dma-map-error-unchecked' then found = d end
end
check(found ~= nil, 'a dma-map-error-unchecked diagnostic', diags)
if found then
  check(found.lnum == 6 and found.col == 5, 'its position (line 7, column 6)', found)
  check(found.source == 'dmacheck', 'its source', found.source)
  check(found.severity == vim.diagnostic.severity.WARN, 'its severity', found.severity)
  check(found.message:find('is given to the device before it is checked with dma_mapping_error()', 1, true) ~= nil,
        'its message', found.message)
end

local client = vim.lsp.get_client_by_id(client_id)
check(client and client.server_capabilities and client.server_capabilities.hoverProvider,
      'server capabilities: hover', client and client.server_capabilities)
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = 6, character = 10 },
}, 10000)
local hover = res and res[client_id] and res[client_id].result
check(hover and hover.contents and hover.contents.value:find('**dma-map-error-unchecked**', 1, true) == 1,
      'hover shows the rule', res)

-- fix both bugs by editing the buffer: add the check, drop the early return that leaks
vim.api.nvim_buf_set_lines(bufnr, 19, 21, true, {})
vim.api.nvim_buf_set_lines(bufnr, 7, 7, true, { '\tif (dma_mapping_error(dev, h))', '\t\treturn -ENOMEM;' })
got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
check(got, 'the fixing edit clears the diagnostics', vim.diagnostic.get(bufnr))

vim.lsp.stop_client(client_id)
got = vim.wait(10000, function() return exit_code ~= nil end, 50)
check(got and exit_code == 0, 'server exits with status 0 after shutdown/exit', exit_code)
finish()
