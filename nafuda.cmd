@echo off
rem nafuda: double-click to start the local page for badges and posters.
rem It runs on this PC only (127.0.0.1); no file leaves it. Close this window to stop.
rem This file is ASCII only: cmd.exe reads .cmd files in the ANSI code page (CP932).
setlocal
cd /d "%~dp0"
where node >nul 2>nul
if errorlevel 1 goto nonode
if not exist "%~dp0dist\src\cli\main.js" goto nobuild
node "%~dp0dist\src\cli\main.js" serve %*
if errorlevel 1 pause
exit /b
:nonode
echo Node.js is not installed on this PC. Ask your IT staff to install Node.js 20 or later.
pause
exit /b 1
:nobuild
echo nafuda is not built in this folder. In a copy of the source, run: npm ci, then npm run build.
pause
exit /b 1
