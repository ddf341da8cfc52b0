@echo off
rem ita-xl: double-click to open the ITA page in the browser. The first time it sets itself up (needs the internet).
rem Keep this file in the ita-xl folder (beside pyproject.toml); make a desktop shortcut with right-click > Send to.
chcp 65001 >nul
cd /d "%~dp0"
if exist ".venv\Scripts\ita-xl.exe" goto run
echo กำลังติดตั้ง ita-xl ครั้งแรก อาจใช้เวลาสองสามนาที...
py -3 -m venv .venv 2>nul || python -m venv .venv 2>nul || goto nopython
".venv\Scripts\python.exe" -m pip install --quiet --disable-pip-version-check ".[web]" || goto failed
:run
echo เปิดหน้าเว็บ ita-xl ในเบราว์เซอร์... เมื่อใช้งานเสร็จ ปิดหน้าต่างนี้
".venv\Scripts\ita-xl.exe" serve
pause
exit /b 0
:nopython
echo ไม่พบโปรแกรม Python: ติดตั้งจาก https://www.python.org/downloads/ (ติ๊กช่อง "Add python.exe to PATH") แล้วดับเบิลคลิกไฟล์นี้อีกครั้ง
pause
exit /b 1
:failed
echo ติดตั้งไม่สำเร็จ: ตรวจว่าเครื่องต่ออินเทอร์เน็ตอยู่ แล้วดับเบิลคลิกไฟล์นี้อีกครั้ง
rmdir /s /q .venv
pause
exit /b 1
