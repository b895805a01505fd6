// Material for MkDocs 9.8's inline helpers (partials/javascripts/base.html), moved to
// a file for the Content-Security-Policy. The scope is the site's root, which the
// original wrote into the page as a relative URL; this file sits one folder below it.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
