export default function Loading() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-[#0b1220] text-slate-400" role="status">
      正在加载驾驶舱…
    </main>
  );
}
